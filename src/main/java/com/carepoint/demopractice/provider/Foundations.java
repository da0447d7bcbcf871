package com.carepoint.demopractice.provider;

import com.carepoint.demopractice.data.PatientRecord;
import com.carepoint.demopractice.data.Practice;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;
import org.hl7.fhir.dstu3.model.Reference;

/** Builds the foundation resources of a practice in its supplier's style. */
final class Foundations {

    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Practice practice;

    Foundations(Practice practice) {
        this.practice = practice;
    }

    /**
     * A calendar date as a {@link Date} at noon UK time: it renders as the same day whatever the JVM's time zone
     * (midnight would render as the previous day in UTC during British Summer Time).
     */
    /** A calendar date at day precision (no time, no time zone), as GP systems record dates. */
    static DateTimeType day(LocalDate d) {
        return d == null ? null : new DateTimeType(d.toString());
    }

    static Date date(LocalDate d) {
        return d == null ? null : Date.from(d.atTime(12, 0).atZone(UK).toInstant());
    }

    String organizationId() {
        return Ids.of("organization", practice.odsCode());
    }

    Organization organization() {
        Organization o = new Organization();
        o.setId(organizationId());
        o.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-Organization-1"));
        o.addIdentifier(new Identifier().setSystem(Gpc.ODS_ORGANIZATION).setValue(practice.odsCode()));
        o.setName(practice.name());
        o.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                .setUse(ContactPoint.ContactPointUse.WORK).setValue(practice.telephone()));
        o.addAddress(address(practice.address(), Address.AddressUse.WORK));
        return o;
    }

    /** The GP system supplier's own Organization, which real answers carry besides the practice. */
    Organization supplierOrganization() {
        boolean meridian = practice.supplier() == Practice.Supplier.MERIDIAN;
        Organization o = new Organization();
        o.setId(Ids.of("organization", meridian ? "supplier-meridian" : "supplier-optimum"));
        o.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-Organization-1"));
        o.addIdentifier(new Identifier().setSystem(Gpc.ODS_ORGANIZATION).setValue(meridian ? "YGM99" : "YGO99"));
        o.setName(meridian ? "Meridian Clinical Systems Ltd (demo)" : "Optimum GP Systems Ltd (demo)");
        return o;
    }

    Practitioner practitioner(Practice.Clinician c) {
        Practitioner p = new Practitioner();
        p.setId(Ids.of("practitioner", c.id()));
        p.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-Practitioner-1"));
        p.addIdentifier(new Identifier().setSystem(Gpc.SDS_USER).setValue(c.sdsUserId()));
        HumanName name = new HumanName().setUse(HumanName.NameUse.USUAL).setFamily(c.family()).addGiven(c.given())
                .addPrefix(c.prefix());
        if (practice.supplier() == Practice.Supplier.MERIDIAN) {
            // Meridian sends the name as one text line as well, surname first, and no prefix.
            name.setPrefix(List.of());
            name.setText(c.family().toUpperCase() + ", " + c.given());
        }
        p.addName(name);
        p.setGender(gender(c.gender()));
        return p;
    }

    PractitionerRole practitionerRole(Practice.Clinician c) {
        PractitionerRole r = new PractitionerRole();
        r.setId(Ids.of("practitionerrole", c.id()));
        r.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-PractitionerRole-1"));
        r.setPractitioner(new Reference("Practitioner/" + Ids.of("practitioner", c.id())));
        r.setOrganization(new Reference("Organization/" + organizationId()));
        r.addCode(new CodeableConcept().setText(c.role()));
        return r;
    }

    Location location(Practice.Site s) {
        Location l = new Location();
        l.setId(Ids.of("location", s.id()));
        l.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-Location-1"));
        l.setName(s.name());
        l.setAddress(address(s.address(), Address.AddressUse.WORK));
        l.setManagingOrganization(new Reference("Organization/" + organizationId()));
        return l;
    }

    /**
     * The patient's logical id on this service's FHIR server. A hub or out-of-hours service has its own ids for the
     * patients it serves, different from the registered practice's: a consumer must use the id from a Patient search
     * at the service it books with (book page, Prerequisites: "to obtain the logical identifier for the patient on the
     * organisation's FHIR server").
     */
    String patientId(PatientRecord r) {
        return practice.odsCode().equals(r.practice()) ? Ids.patient(r.nhsNumber())
                : Ids.of("patient", practice.odsCode(), r.nhsNumber());
    }

    Patient patient(PatientRecord r) {
        Patient p = new Patient();
        p.setId(patientId(r));
        p.setMeta(new Meta().addProfile(Gpc.PROFILE_BASE + "CareConnect-GPC-Patient-1"));
        p.addIdentifier(new Identifier().setSystem(Gpc.NHS_NUMBER).setValue(r.nhsNumber()));
        HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(r.family());
        r.given().forEach(name::addGiven);
        if (r.title() != null) {
            name.addPrefix(r.title());
        }
        p.addName(name);
        p.setGender(gender(r.gender()));
        p.setBirthDateElement(new DateType(r.birthDate().toString()));
        if (r.address() != null) {
            p.addAddress(address(r.address(), Address.AddressUse.HOME));
        }
        if (r.telephone() != null) {
            p.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setUse(ContactPoint.ContactPointUse.MOBILE).setValue(r.telephone()));
        }
        if (!practice.odsCode().equals(r.practice())) {
            // A hub or out-of-hours service: the registered practice is not one of this server's resources, so it is
            // named by its ODS code; managingOrganization is the organisation serving the request.
            p.addGeneralPractitioner(new Reference().setIdentifier(new Identifier().setSystem(Gpc.ODS_ORGANIZATION)
                    .setValue(r.practice())));
            p.setManagingOrganization(new Reference("Organization/" + organizationId()));
            return p;
        }
        Practice.Clinician gp = practice.practitioner(r.usualGp());
        if (gp != null) {
            p.addGeneralPractitioner(new Reference("Practitioner/" + Ids.of("practitioner", gp.id())));
        }
        // ARS/retrieve_patient_record: the registered practice's Organization is "referenced from
        // Patient.generalPractitioner"; managingOrganization is the organisation serving the request (the same here).
        p.addGeneralPractitioner(new Reference("Organization/" + organizationId()));
        p.setManagingOrganization(new Reference("Organization/" + organizationId()));
        return registration(p, r);
    }

    private static Patient registration(Patient p, PatientRecord r) {
        if (r.registeredSince() != null) {
            Extension registration = new Extension(Gpc.EXT_REGISTRATION);
            registration.addExtension(new Extension("registrationPeriod",
                    new Period().setStartElement(day(r.registeredSince()))));
            p.addExtension(registration);
        }
        return p;
    }

    static AdministrativeGender gender(String g) {
        if (g == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (g.toLowerCase()) {
            case "male" -> AdministrativeGender.MALE;
            case "female" -> AdministrativeGender.FEMALE;
            case "other" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    static Address address(Practice.Address a, Address.AddressUse use) {
        Address address = new Address().setUse(use).setType(Address.AddressType.PHYSICAL);
        if (a != null) {
            a.lines().forEach(address::addLine);
            address.setCity(a.city()).setDistrict(a.district()).setPostalCode(a.postcode());
        }
        return address;
    }
}
