package com.carepoint.encounter;

/** One medicine given during the encounter: name, dose, route and time, as typed. */
public class MedicineGiven {

    private String name = "";
    private String dose = "";
    private String route = "";
    private String time = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getDose() {
        return dose;
    }

    public void setDose(String dose) {
        this.dose = dose == null ? "" : dose;
    }

    public String getRoute() {
        return route;
    }

    public void setRoute(String route) {
        this.route = route == null ? "" : route;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time == null ? "" : time;
    }

    boolean blank() {
        return name.isBlank() && dose.isBlank() && route.isBlank() && time.isBlank();
    }
}
