package com.carepoint.demopractice.provider;

import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import com.carepoint.demopractice.data.Practice;
import com.carepoint.demopractice.data.ScheduleTemplate;
import com.carepoint.demopractice.provider.Schedules.Slot;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Search for free slots (nhsconnect/gpconnect, pages/appointments/appointments_use_case_search_for_free_slots.md,
 * 1.2.8 copy). The parameters are read raw so that each rule of the page can be enforced exactly, and the answer is
 * the Bundle the page describes, built here (no {@code fullUrl}, 1.2.3 release notes #605).
 */
final class SlotProvider implements IResourceProvider {

    static final String ODS_FILTER = Gpc.ODS_ORGANIZATION;
    static final String TYPE_FILTER = Gpc.ORGANISATION_TYPE;

    private final Supplier<PracticeAppointments> services;

    SlotProvider(Supplier<PracticeAppointments> services) {
        this.services = services;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return org.hl7.fhir.dstu3.model.Slot.class;
    }

    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        PracticeAppointments service = services.get();
        Map<String, String[]> params = request.getParameters();
        // "The start parameter SHALL only be included once"; "SHALL be supplied with the ge search prefix"; the end
        // parameter likewise with le. Missing: BAD_REQUEST (400), as the NHS provider test suite expects for
        // missing start, end or status; present but wrong: INVALID_PARAMETER (422).
        SearchDates start = SearchDates.parse("start", prefixed(params, "start", "ge"), false);
        SearchDates end = SearchDates.parse("end", prefixed(params, "end", "le"), true);
        // "the slot status value of free SHALL be specified, other slot status values are not permitted"; the
        // provider "SHALL return an error if ... the status parameter is absent or is present with a value other than
        // free".
        String[] status = params.get("status");
        if (status == null || status.length == 0) {
            throw GpcErrors.badRequest("status=free is required");
        }
        if (Arrays.stream(status).anyMatch(s -> !"free".equals(s))) {
            throw GpcErrors.invalidParameter("status must be free; other slot status values are not permitted");
        }
        // "SHALL return an error if ... the _include=Slot:schedule parameter is absent" (code not named: a required
        // parameter missing is BAD_REQUEST here, like status).
        Set<String> includes = values(params, "_include", "_include:recurse");
        if (!includes.contains("Slot:schedule")) {
            throw GpcErrors.badRequest("_include=Slot:schedule is required");
        }
        SearchDates.checkRange(start, end);

        // Enhanced slot filtering: searchFilter tokens system|code; "providers who do not understand the additional
        // parameters SHALL ignore them and SHALL NOT return an error".
        Set<String> types = new HashSet<>();
        Set<String> odsCodes = new HashSet<>();
        for (String f : values(params, "searchFilter")) {
            int bar = f.indexOf('|');
            if (bar < 0) {
                continue;
            }
            String system = f.substring(0, bar);
            String code = f.substring(bar + 1).trim();
            if (code.isEmpty()) {
                continue;
            }
            if (TYPE_FILTER.equals(system)) {
                types.add(code);
            } else if (ODS_FILTER.equals(system)) {
                odsCodes.add(code.toUpperCase(Locale.ROOT));
            }
        }

        // Slots that "have a status of free and fall fully within the requested date range. That is, free slots which
        // start before the start parameter and free slots which end after end search parameter SHALL NOT be
        // returned", "are bookable according to related defined embargo/booking window rules", "and which match the
        // search filter parameters ... or are not restricted".
        List<Slot> slots = service.freeSlots(start.instant(), end.instant(), types, odsCodes);

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        // 1.2.8 service filtering: the demo services have the organisation switch OFF, so service.identifier and the
        // HealthcareService include "do not take effect (i.e. are ignored)". The page would also have the Bundle carry
        // Extension-GPConnect-ServiceFilteringStatus-1 when service.identifier is sent, but an STU3 Bundle is a
        // Resource, not a DomainResource, and has no extension element (the example payload-2 puts one there with
        // "system" instead of "url"): it cannot be sent in valid FHIR STU3, so it is not.
        // "If no free slots are returned for the requested time period then an empty response Bundle SHALL be
        // returned"; "Only Schedule, Practitioner, Location, HealthcareService and Organization resources SHALL be
        // returned where they are associated with the Slot resources matching the query".
        if (slots.isEmpty()) {
            return bundle;
        }
        slots.forEach(s -> bundle.addEntry().setResource(service.slotResource(s)));
        Map<String, ScheduleTemplate> schedules = service.schedulesOf(slots);
        schedules.values().forEach(t -> bundle.addEntry().setResource(service.scheduleResource(t)));
        Practice practice = service.practice();
        Foundations f = service.foundations();
        // "Practitioner resources associated to the returned Schedule resources, where available, and where
        // requested by the consumer using the _include:recurse=Schedule:actor:Practitioner parameter".
        if (includes.contains("Schedule:actor:Practitioner")) {
            schedules.values().stream().map(ScheduleTemplate::practitioner).filter(p -> p != null).distinct()
                    .forEach(p -> bundle.addEntry().setResource(f.practitioner(practice.clinician(p))));
        }
        // "Location resources associated with the returned Schedule resources, where requested by the consumer using
        // the _include:recurse=Schedule:actor:Location parameter".
        if (includes.contains("Schedule:actor:Location")) {
            schedules.values().stream().map(ScheduleTemplate::location).distinct()
                    .forEach(l -> bundle.addEntry().setResource(f.location(practice.location(l))));
        }
        // "an Organization resource associated with the Location resources ... This resource SHALL always be
        // present, regardless of parameters, except where no slots are returned" (known issue: providers "SHALL
        // continue to return the Organization resource regardless of whether [the include] is present").
        bundle.addEntry().setResource(f.organization());
        return bundle;
    }

    /** The one value of a parameter that must be given once with this prefix, without the prefix. */
    private static String prefixed(Map<String, String[]> params, String name, String prefix) {
        String[] values = params.get(name);
        if (values == null || values.length == 0) {
            throw GpcErrors.badRequest(name + " is required (" + name + "=" + prefix + "[date])");
        }
        if (values.length > 1) {
            throw GpcErrors.invalidParameter("The " + name + " parameter SHALL only be included once");
        }
        String v = values[0];
        if (!v.startsWith(prefix)) {
            throw GpcErrors.invalidParameter("The " + name + " parameter SHALL be supplied with the " + prefix
                    + " search prefix; got " + v);
        }
        return v.substring(prefix.length());
    }

    private static Set<String> values(Map<String, String[]> params, String... names) {
        Set<String> all = new HashSet<>();
        for (String n : names) {
            String[] v = params.get(n);
            if (v != null) {
                Stream.of(v).flatMap(x -> Stream.of(x.split(","))).map(String::trim).forEach(all::add);
            }
        }
        return all;
    }
}
