package com.carepoint.gpconnect;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import com.carepoint.access.DemoUsers;
import com.carepoint.appointments.Appointment;
import com.carepoint.appointments.AppointmentProblem;
import com.carepoint.appointments.BookableService;
import com.carepoint.appointments.BookingContext;
import com.carepoint.appointments.BookingOrganisation;
import com.carepoint.appointments.DeliveryChannel;
import com.carepoint.appointments.FreeSlot;
import com.carepoint.appointments.Outcome;
import com.carepoint.appointments.ServiceAppointments;
import com.carepoint.appointments.ServiceKind;
import com.carepoint.appointments.ServiceSlots;
import com.carepoint.platform.FhirClients;
import com.carepoint.platform.FhirHttpProperties;
import com.carepoint.spine.EndpointDirectory;
import com.nimbusds.jwt.JWTParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Carepoint's Appointment Management consumer against a provider answering with the specification's own examples:
 * what it sends is checked on the wire against the use-case pages, and what it shows against the examples' content.
 * None of this involves Carepoint's demo services.
 */
class AppointmentSpecFixtureTest {

    static final BookableService SERVICE = new BookableService("A00001", "Configured name", ServiceKind.PRACTICE);
    static final BookingOrganisation AMBULANCE = new BookingOrganisation("RX9", "Northshire Ambulance Service NHS Trust",
            "01632 960900", Optional.of("urgent-care"));

    AppointmentFixtureProvider provider = new AppointmentFixtureProvider();
    GpConnectAppointments book;
    BookingContext context = new BookingContext(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient(), AMBULANCE);

    AppointmentSpecFixtureTest() {
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofSeconds(10),
                16 * 1024 * 1024, 10_000), new MockEnvironment());
        book = new GpConnectAppointments(new EndpointDirectory(clients, provider.spine()), clients,
                provider.properties(), Clock.fixed(Instant.parse("2017-05-25T12:48:41Z"), ZoneId.of("UTC")));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    static String scope(AppointmentFixtureProvider.Received r) throws Exception {
        String token = r.header("Authorization").substring("Bearer ".length());
        return (String) JWTParser.parse(token).getJWTClaimsSet().getClaim("requested_scope");
    }

    ServiceSlots search() {
        return book.freeSlots(context, SERVICE, LocalDate.of(2017, 9, 15), LocalDate.of(2017, 9, 28));
    }

    @Test
    void theSlotSearchIsSentAsTheSearchPageWritesIt() throws Exception {
        search();
        AppointmentFixtureProvider.Received r = provider.received("GET", "/gp/Slot").getFirst();
        assertThat(r.query()).isEqualTo("status=free&start=ge2017-09-15&end=le2017-09-28&_include=Slot:schedule"
                + "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location"
                + "&_include:recurse=Location:managingOrganization"
                + "&searchFilter=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CRX9"
                + "&searchFilter=https%3A%2F%2Ffhir.nhs.uk%2FSTU3%2FCodeSystem%2FGPConnect-OrganisationType-1%7Curgent-care");
        assertThat(r.header("Ssp-InteractionID")).isEqualTo("urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1");
        assertThat(r.header("Ssp-To")).isEqualTo(AppointmentFixtureProvider.ASID);
        assertThat(r.header("Accept")).isEqualTo("application/fhir+json;charset=utf-8");
        assertThat(scope(r)).isEqualTo("organization/*.read");
    }

    @Test
    void anOrganisationWithoutAGpConnectTypeSearchesByOdsCodeOnly() {
        context = new BookingContext(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient(),
                new BookingOrganisation("RX9", "Trust", "01632 960900", Optional.empty()));
        search();
        assertThat(provider.received("GET", "/gp/Slot").getFirst().query())
                .contains("searchFilter=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CRX9")
                .doesNotContain("OrganisationType");
    }

    @Test
    void everyFreeSlotInTheExampleIsOfferedWithItsScheduleLocationAndPractitioner() {
        ServiceSlots answer = search();
        assertThat(answer.problem()).isEmpty();
        assertThat(answer.serviceName()).isEqualTo("The Trevelyan Practice");
        assertThat(answer.slots()).hasSize(2);
        FreeSlot first = answer.slots().getFirst();
        assertThat(first.slotId()).isEqualTo("1584");
        // 11:30+01:00 is 11:30 in UK summer time.
        assertThat(first.start().toLocalDateTime()).hasToString("2017-09-15T11:30");
        assertThat(first.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(first.siteName()).isEqualTo("The Trevelyan Practice");
        assertThat(first.siteAddress()).isEqualTo("Trevelyan Square, Boar Ln, Leeds, LS1 6AE");
        assertThat(first.practitioner()).contains("Mrs Sarah Black (female)");
        assertThat(first.practitionerRole()).isEqualTo("General Medical Practitioner");
        assertThat(first.channel()).isEqualTo(DeliveryChannel.IN_PERSON);
        assertThat(first.slotType()).isEqualTo("GP Appointment");
        assertThat(first.scheduleType()).isEqualTo("General GP Appointments");
        assertThat(first.locationId()).isEqualTo("17");
        assertThat(first.practitionerId()).contains("2");
        assertThat(answer.slots().get(1).slotType()).isEqualTo("NHS Health Check");
    }

    @Test
    void aLocationReferencedButNotIncludedIsReadFromTheService() {
        provider.slotFixture = "search-for-free-slots-response-payload-2.json";
        ServiceSlots answer = book.freeSlots(context, SERVICE, LocalDate.of(2019, 3, 29), LocalDate.of(2019, 4, 11));
        assertThat(answer.slots()).hasSize(2).allSatisfy(s -> {
            assertThat(s.locationId()).isEqualTo("17");
            assertThat(s.siteName()).isEqualTo("Location 17 named by its read");
            assertThat(s.practitioner()).isEmpty();
        });
        assertThat(provider.received("GET", "/gp/Location/17")).hasSize(1)
                .allSatisfy(r -> assertThat(r.header("Ssp-InteractionID"))
                        .isEqualTo("urn:nhs:names:services:gpconnect:fhir:rest:read:location-1"));
    }

    @Test
    void slotsOutsideTheDaysAskedForAreNotOffered() {
        ServiceSlots answer = book.freeSlots(context, SERVICE, LocalDate.of(2017, 9, 16), LocalDate.of(2017, 9, 29));
        assertThat(answer.slots()).isEmpty();
        assertThat(answer.problem()).isEmpty();
    }

    @Test
    void aSlotThatIsNotFreeIsNeverOffered() {
        provider.slots = x -> AppointmentFixtureProvider.send(x, 200, "application/fhir+json", new String(
                AppointmentFixtureProvider.class.getResourceAsStream("/gpconnect/spec-fixtures/appointments/"
                        + "search-for-free-slots-response-payload-1.json").readAllBytes())
                .replaceFirst("\"status\": \"free\"", "\"status\": \"busy\""));
        assertThat(search().slots()).extracting(FreeSlot::slotId).containsExactly("1644");
    }

    @Test
    void aServiceWithoutAppointmentsInTheDirectoryIsSaidToNotOfferBooking() {
        provider.appointmentsInDirectory = false;
        ServiceSlots answer = search();
        assertThat(answer.slots()).isEmpty();
        assertThat(answer.problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.NOT_OFFERED);
        assertThat(provider.received("GET", "/gp/Slot")).isEmpty();
    }

    @Test
    void aFailingSearchIsAProblemNeverNoSlots() {
        provider.slots = x -> AppointmentFixtureProvider.send(x, 500, "application/fhir+json",
                AppointmentFixtureProvider.error("processing", "INTERNAL_SERVER_ERROR"));
        ServiceSlots answer = search();
        assertThat(answer.slots()).isEmpty();
        assertThat(answer.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AppointmentProblem.Kind.SERVICE_ERROR);
            assertThat(p.message()).contains("free slots could not be retrieved").contains("not known");
        });
    }

    FreeSlot slot() {
        return search().slots().getFirst();
    }

    @Test
    void theBookingIsSentAsTheBookPageAndItsExampleWriteIt() throws Exception {
        FreeSlot slot = slot();
        Outcome outcome = book.book(context, slot, "Chest pain, seen by crew", Optional.of("Lives alone"));
        assertThat(outcome.succeeded()).isTrue();

        AppointmentFixtureProvider.Received search = provider.received("GET", "/gp/Patient").getFirst();
        assertThat(search.query()).isEqualTo("identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9990000018");
        assertThat(search.header("Ssp-InteractionID")).isEqualTo(
                "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1");

        AppointmentFixtureProvider.Received post = provider.received("POST", "/gp/Appointment").getFirst();
        assertThat(post.header("Ssp-InteractionID")).isEqualTo(
                "urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1");
        assertThat(post.header("Content-Type")).isEqualTo("application/fhir+json;charset=utf-8");
        assertThat(scope(post)).isEqualTo("patient/*.write");
        IParser parser = FhirClients.STU3.newJsonParser();
        org.hl7.fhir.dstu3.model.Appointment sent = parser.parseResource(org.hl7.fhir.dstu3.model.Appointment.class,
                post.body());
        assertThat(sent.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        assertThat(sent.getStatus().toCode()).isEqualTo("booked");
        assertThat(sent.getStartElement().getValueAsString()).isEqualTo("2017-09-15T11:30:00+01:00");
        assertThat(sent.getEndElement().getValueAsString()).isEqualTo("2017-09-15T11:40:00+01:00");
        assertThat(sent.getCreatedElement().getValueAsString()).isEqualTo("2017-05-25T13:48:41+01:00");
        assertThat(sent.getSlot()).extracting(Reference::getReference).containsExactly("Slot/1584");
        assertThat(sent.getDescription()).isEqualTo("Chest pain, seen by crew");
        assertThat(sent.getComment()).isEqualTo("Lives alone");
        assertThat(sent.hasReason()).isFalse();
        assertThat(sent.hasSpecialty()).isFalse();
        assertThat(sent.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/1", "Location/17", "Practitioner/2");
        assertThat(sent.getParticipant()).allSatisfy(p -> assertThat(p.getStatus().toCode()).isEqualTo("accepted"));
        // The booking organisation: contained, referenced as #1 by the extension, ODS code, name, telephone, type.
        assertThat(sent.getExtensionsByUrl(
                "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1"))
                .singleElement().satisfies(e -> assertThat(((Reference) e.getValue()).getReference()).isEqualTo("#1"));
        assertThat(post.body()).contains("\"reference\":\"#1\"");
        Organization org = (Organization) sent.getContained().getFirst();
        assertThat(org.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(org.getIdentifierFirstRep().getValue()).isEqualTo("RX9");
        assertThat(org.getName()).isEqualTo("Northshire Ambulance Service NHS Trust");
        assertThat(org.getTelecomFirstRep().getValue()).isEqualTo("01632 960900");
        assertThat(org.getTypeFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1");
        assertThat(org.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("urgent-care");
        assertThat(org.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1");
    }

    @Test
    void aBookingWithoutATypeSearchedSendsNoType() {
        context = new BookingContext(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient(),
                new BookingOrganisation("RX9", "Trust", "01632 960900", Optional.empty()));
        book.book(context, slot(), "Reason", Optional.empty());
        String body = provider.received("POST", "/gp/Appointment").getFirst().body();
        assertThat(body).doesNotContain("GPConnect-OrganisationType-1").doesNotContain("\"comment\"");
    }

    @Test
    void theBookedAppointmentIsShownAsTheServiceHoldsIt() {
        Appointment booked = book.book(context, slot(), "Reason", Optional.empty()).appointment().orElseThrow();
        assertThat(booked.id()).isEqualTo("9");
        assertThat(booked.version()).isEqualTo("636068818095315079");
        assertThat(booked.status()).isEqualTo(Appointment.Status.BOOKED);
        assertThat(booked.start().toLocalDateTime()).hasToString("2017-05-30T10:00");
        assertThat(booked.practitionerRole()).isEqualTo("General Medical Practitioner");
        assertThat(booked.channel()).isEqualTo(DeliveryChannel.IN_PERSON);
        assertThat(booked.slotType()).isEqualTo("General GP Appointment");
        assertThat(booked.description()).isEqualTo("Free text description.");
        assertThat(booked.comment()).contains("Free text comment.");
        assertThat(booked.bookedBy()).contains("North Ambulance Service (Z100)");
        assertThat(booked.siteName()).contains("Location 32 named by its read");
    }

    @Test
    void aSlotTakenMeanwhileIsSaidPlainly() {
        provider.book = x -> AppointmentFixtureProvider.send(x, 409, "application/fhir+json",
                AppointmentFixtureProvider.error("duplicate", "DUPLICATE_REJECTED"));
        Outcome outcome = book.book(context, slot(), "Reason", Optional.empty());
        assertThat(outcome.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AppointmentProblem.Kind.SLOT_TAKEN);
            assertThat(p.message()).contains("booked by someone else").contains("not booked");
        });
    }

    @Test
    void aBookingWhoseAnswerIsLostSaysItMayHaveBeenMadeAndNotToRepeatIt() {
        provider.book = x -> {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        FhirClients clients = new FhirClients(new FhirHttpProperties(Duration.ofSeconds(3), Duration.ofMillis(300),
                16 * 1024 * 1024, 10_000), new MockEnvironment());
        book = new GpConnectAppointments(new EndpointDirectory(clients, provider.spine()), clients,
                provider.properties(), Clock.systemUTC());
        Outcome outcome = book.book(context, slot(), "Reason", Optional.empty());
        assertThat(outcome.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AppointmentProblem.Kind.TIMEOUT);
            assertThat(p.message()).contains("not known whether the appointment was booked");
            assertThat(p.whatToDo()).contains("check before trying again");
        });
    }

    @Test
    void nothingIsBookedWhenTheServiceFindsAnotherPatient() {
        provider.patientBirthDate = "1961-01-05";
        Outcome outcome = book.book(context, slot(), "Reason", Optional.empty());
        assertThat(outcome.problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.WRONG_PATIENT);
        assertThat(provider.received("POST", "/gp/Appointment")).isEmpty();
    }

    @Test
    void nothingIsBookedWhenTheServiceFindsAnotherNhsNumberOrTwoPatients() {
        provider.patientNhs = "9990000026";
        assertThat(book.book(context, slot(), "Reason", Optional.empty()).problem()).get()
                .extracting(AppointmentProblem::kind).isEqualTo(AppointmentProblem.Kind.WRONG_PATIENT);
        context = new BookingContext(DemoUsers.PARAMEDIC, SpecFixtureConsumerTest.patient(), AMBULANCE);
        provider.patientNhs = SpecFixtureConsumerTest.REQUESTED;
        provider.patients = 2;
        assertThat(book.book(context, slot(), "Reason", Optional.empty()).problem()).get()
                .extracting(AppointmentProblem::kind).isEqualTo(AppointmentProblem.Kind.WRONG_PATIENT);
        assertThat(provider.received("POST", "/gp/Appointment")).isEmpty();
    }

    @Test
    void aPatientTheServiceDoesNotKnowIsSaidPlainly() {
        provider.patients = 0;
        assertThat(book.book(context, slot(), "Reason", Optional.empty()).problem()).get()
                .extracting(AppointmentProblem::kind).isEqualTo(AppointmentProblem.Kind.PATIENT_NOT_FOUND);
    }

    @Test
    void aBookingAnsweredForAnotherPatientIsNotShown() {
        provider.patientId = "2";
        Outcome outcome = book.book(context, slot(), "Reason", Optional.empty());
        assertThat(outcome.problem()).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AppointmentProblem.Kind.WRONG_PATIENT);
            // The booking was sent: whether an appointment exists, and for whom, is not known — never "not booked".
            assertThat(p.message()).contains("not known whether the appointment was booked").doesNotContain(
                    "was not booked");
        });
    }

    @Test
    void thePatientsAppointmentsAreRetrievedWithTwoStartDatesAndShown() throws Exception {
        provider.patientId = "1001";
        ServiceAppointments answer = book.appointments(context, SERVICE, LocalDate.of(2017, 7, 11),
                LocalDate.of(2017, 9, 14));
        AppointmentFixtureProvider.Received r = provider.received("GET", "/gp/Patient/1001/Appointment").getFirst();
        assertThat(r.query()).isEqualTo("start=ge2017-07-11&start=le2017-09-14");
        assertThat(r.header("Ssp-InteractionID")).isEqualTo(
                "urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1");
        assertThat(scope(r)).isEqualTo("patient/*.read");
        assertThat(answer.problem()).isEmpty();
        assertThat(answer.appointments()).extracting(Appointment::id).containsExactly("150", "149");
        Appointment nurse = answer.appointments().get(1);
        assertThat(nurse.practitionerRole()).isEqualTo("Specialist Nurse Practitioner");
        assertThat(nurse.practitioner()).contains("Mrs Sarah Black (female)");
        assertThat(nurse.siteName()).contains("Location 1 named by its read");
        assertThat(nurse.bookedBy()).contains("West Road GP Practice (A00123)");
        assertThat(nurse.comment()).contains("Test Appointment Comment 148");
    }

    @Test
    void noAppointmentsIsAnEmptyListNotAProblem() {
        provider.patientId = "1001";
        provider.retrieveFixture = "retrieve-patient-appts-response-payload-1b.json";
        ServiceAppointments answer = book.appointments(context, SERVICE, LocalDate.of(2017, 7, 11),
                LocalDate.of(2017, 9, 14));
        assertThat(answer.problem()).isEmpty();
        assertThat(answer.appointments()).isEmpty();
    }

    @Test
    void aListHoldingAnotherPatientsAppointmentShowsNothingFromIt() {
        provider.patientId = "1002";
        ServiceAppointments answer = book.appointments(context, SERVICE, LocalDate.of(2017, 7, 11),
                LocalDate.of(2017, 9, 14));
        assertThat(answer.appointments()).isEmpty();
        assertThat(answer.problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.WRONG_PATIENT);
    }

    @Test
    void aCancellationSendsTheAppointmentAsReadWithOnlyStatusAndReasonChangedAndTheVersionReadInIfMatch()
            throws Exception {
        provider.patientId = "1001";
        Appointment read = book.read(context, SERVICE, "150").appointment().orElseThrow();
        assertThat(read.version()).isEqualTo("1503440820000");
        provider.put = x -> AppointmentFixtureProvider.send(x, 200, "application/fhir+json", new String(
                AppointmentFixtureProvider.class.getResourceAsStream("/gpconnect/spec-fixtures/appointments/"
                        + "read-appt-response-payload-1.json").readAllBytes())
                .replace("\"booked\"", "\"cancelled\"").replace("1503440820000", "1503440820001"));
        Outcome cancelled = book.cancel(context, read, "Patient feels better");
        assertThat(cancelled.succeeded()).isTrue();
        assertThat(cancelled.appointment().orElseThrow().status()).isEqualTo(Appointment.Status.CANCELLED);
        assertThat(cancelled.appointment().orElseThrow().version()).isEqualTo("1503440820001");

        AppointmentFixtureProvider.Received put = provider.received("PUT", "/gp/Appointment/150").getFirst();
        assertThat(put.header("Ssp-InteractionID")).isEqualTo(
                "urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1");
        assertThat(put.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("If-Match"))
                .flatMap(e -> e.getValue().stream())).containsExactly("W/\"1503440820000\"");
        assertThat(scope(put)).isEqualTo("patient/*.write");
        IParser parser = FhirClients.STU3.newJsonParser();
        org.hl7.fhir.dstu3.model.Appointment sent = parser.parseResource(org.hl7.fhir.dstu3.model.Appointment.class,
                put.body());
        org.hl7.fhir.dstu3.model.Appointment original = parser.parseResource(
                org.hl7.fhir.dstu3.model.Appointment.class, AppointmentFixtureProvider.class.getResourceAsStream(
                        "/gpconnect/spec-fixtures/appointments/read-appt-response-payload-1.json"));
        assertThat(sent.getStatus().toCode()).isEqualTo("cancelled");
        assertThat(sent.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/"
                + "Extension-GPConnect-AppointmentCancellationReason-1")).singleElement()
                .satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("Patient feels better"));
        // Everything else exactly as read.
        sent.setStatus(original.getStatus());
        sent.getExtension().removeIf(e -> e.getUrl().endsWith("AppointmentCancellationReason-1"));
        original.setId("150");
        assertThat(parser.encodeResourceToString(sent)).isEqualTo(parser.encodeResourceToString(original));
    }

    @Test
    void anAmendmentChangesOnlyDescriptionAndComment() throws Exception {
        provider.patientId = "1001";
        Appointment read = book.read(context, SERVICE, "150").appointment().orElseThrow();
        provider.put = x -> AppointmentFixtureProvider.send(x, 200, "application/fhir+json",
                new String(x.getRequestBody().readAllBytes()));
        book.amend(context, read, "New reason", Optional.of("New comment"));
        AppointmentFixtureProvider.Received put = provider.received("PUT", "/gp/Appointment/150").getFirst();
        assertThat(put.header("Ssp-InteractionID")).isEqualTo(
                "urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1");
        IParser parser = FhirClients.STU3.newJsonParser();
        org.hl7.fhir.dstu3.model.Appointment sent = parser.parseResource(org.hl7.fhir.dstu3.model.Appointment.class,
                put.body());
        assertThat(sent.getDescription()).isEqualTo("New reason");
        assertThat(sent.getComment()).isEqualTo("New comment");
        assertThat(sent.getStatus().toCode()).isEqualTo("booked");
        assertThat(sent.getExtension()).extracting(e -> e.getUrl()).noneMatch(u -> u.endsWith("CancellationReason-1"));
    }

    @Test
    void aChangeMadeElsewhereSinceTheReadIsSaidPlainly() {
        provider.patientId = "1001";
        Appointment read = book.read(context, SERVICE, "150").appointment().orElseThrow();
        provider.put = x -> AppointmentFixtureProvider.send(x, 409, "application/fhir+json",
                AppointmentFixtureProvider.error("conflict", "FHIR_CONSTRAINT_VIOLATION"));
        Outcome outcome = book.amend(context, read, "New reason", Optional.empty());
        assertThat(outcome.problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.CHANGED_ELSEWHERE);
    }

    @Test
    void anAppointmentThatWasNotReadInThisContextIsNotChanged() {
        Appointment unread = new Appointment(SERVICE, "150", "1503440820000", Appointment.Status.BOOKED,
                java.time.ZonedDateTime.now(), java.time.ZonedDateTime.now().plusMinutes(10), Optional.empty(),
                Optional.empty(), "", DeliveryChannel.IN_PERSON, "", "x", Optional.empty(), Optional.empty(),
                Optional.empty());
        assertThat(book.cancel(context, unread, "Reason").problem()).get().extracting(AppointmentProblem::kind)
                .isEqualTo(AppointmentProblem.Kind.CHANGED_ELSEWHERE);
        assertThat(provider.received("PUT", "/gp/Appointment")).isEmpty();
    }

    @Test
    void timesAreShownInUkTimeWhateverOffsetTheServiceWrites() {
        // 09:30Z on a winter day is 09:30 in the UK; 09:30Z in summer is 10:30.
        assertThat(AppointmentMapper.time(new org.hl7.fhir.dstu3.model.InstantType("2027-01-10T09:30:00Z"))
                .orElseThrow().toLocalDateTime()).hasToString("2027-01-10T09:30");
        assertThat(AppointmentMapper.time(new org.hl7.fhir.dstu3.model.InstantType("2027-03-29T09:30:00+00:00"))
                .orElseThrow().toLocalDateTime()).hasToString("2027-03-29T10:30");
        assertThat(AppointmentMapper.wire(java.time.ZonedDateTime.parse("2027-03-28T00:30:00Z")))
                .isEqualTo("2027-03-28T00:30:00+00:00");
        assertThat(AppointmentMapper.wire(java.time.ZonedDateTime.parse("2027-03-28T01:30:00Z")))
                .isEqualTo("2027-03-28T02:30:00+01:00");
    }
}
