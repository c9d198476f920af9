package be.keten.io.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.EventTypes;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
    private final EventCodec codec = new EventCodec();

    static List<ChainEvent> samples() {
        return Samples.all();
    }

    @Test
    void samplesCoverEveryEventType() {
        assertThat(Samples.all().stream().map(ChainEvent::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EventTypes.byName().keySet());
        assertThat(codec.knownTypes()).containsExactlyElementsOf(EventTypes.byName().keySet());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsEveryEventType(ChainEvent event) {
        String json = codec.encode(event);
        assertThat(json).startsWith("{\"type\":\"" + event.type() + "\",\"dossier\":\"D-2023-000001\",\"date\":\"");
        assertThat(json).doesNotContain("\n");
        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        ChainEvent back = codec.decode(json);
        assertThat(back).isEqualTo(event);
        assertThat(codec.encode(back)).isEqualTo(json);
    }

    @Test
    void writesTheDocumentedForm() {
        assertThat(codec.encode(Samples.all().get(0))).isEqualTo("{\"type\":\"ApplicationRegistered\",\"dossier\":\"D-2023-000001\","
                + "\"date\":\"2023-01-05\",\"application\":\"A-2023-000001\",\"applicationType\":\"FIRST\",\"persons\":["
                + "{\"id\":\"P-2023-000001\",\"nationality\":\"AF\",\"sex\":\"MALE\",\"yearOfBirth\":1990,\"declaredUnaccompaniedMinor\":false},"
                + "{\"id\":\"P-2023-000002\",\"nationality\":\"AF\",\"sex\":\"FEMALE\",\"yearOfBirth\":2008,\"declaredUnaccompaniedMinor\":true}],"
                + "\"languageRole\":\"NL\",\"protectedInOtherEuState\":false}");
    }

    @Test
    void escapesQuotesBackslashesAndNonAscii() {
        String json = codec.encode(Samples.all().get(6));
        assertThat(json).endsWith(",\"policy\":\"SUSPEND_\\\"QUOTED\\\" \\\\ \\u00E9\"}");
        assertThat(codec.decode(json)).isEqualTo(Samples.all().get(6));
    }

    @Test
    void outputIsDeterministicAndFieldOrderOnInputDoesNotMatter() {
        String a = Samples.all().stream().map(codec::encode).collect(Collectors.joining("\n"));
        String b = Samples.all().stream().map(codec::encode).collect(Collectors.joining("\n"));
        assertThat(a).isEqualTo(b);
        ChainEvent e = codec.decode("{\"date\":\"2023-01-06\",\"dossier\":\"D-2023-000001\",\"type\":\"ApplicationLodged\"}");
        assertThat(codec.encode(e)).isEqualTo("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-06\"}");
    }

    @Test
    void worksThroughAnObjectMapperWithTheModule() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new EventJsonModule(codec));
        for (ChainEvent e : Samples.all()) {
            // Same fields in the same order; only the escaping of non-ASCII is the mapper's own.
            String json = mapper.writeValueAsString(e);
            assertThat(codec.decode(json)).isEqualTo(e);
            assertThat(mapper.readValue(json, ChainEvent.class)).isEqualTo(e);
            assertThat(mapper.readValue(codec.encode(e), ChainEvent.class)).isEqualTo(e);
        }
    }

    private EventFormatException error(String json) {
        try {
            codec.decode(json);
        } catch (EventFormatException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    private static String registration(String personsJson) {
        return "{\"type\":\"ApplicationRegistered\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"application\":\"A-2023-000001\","
                + "\"applicationType\":\"FIRST\",\"persons\":" + personsJson + ",\"languageRole\":\"NL\",\"protectedInOtherEuState\":false}";
    }

    @Test
    void aSponsorshipCarriesItsPartnerAndPlannedEnd() {
        ChainEvent e = new be.keten.core.event.ReceptionEvent.SponsorshipStarted(Samples.D, Samples.DAY, "CARITAS", List.of(Samples.P1), null);
        String json = codec.encode(e);
        // The default planned end (one year) is written out: the NDJSON form always carries it.
        assertThat(json).isEqualTo("{\"type\":\"SponsorshipStarted\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\","
                + "\"partner\":\"CARITAS\",\"persons\":[\"P-2023-000001\"],\"until\":\"2024-01-05\"}");
        assertThat(codec.decode(json)).isEqualTo(e);
        EventFormatException missing = error("{\"type\":\"SponsorshipStarted\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\","
                + "\"partner\":\"CARITAS\",\"persons\":[\"P-2023-000001\"]}");
        assertThat(missing.field()).isEqualTo("until");
        EventFormatException blank = error("{\"type\":\"SponsorshipStarted\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\","
                + "\"partner\":\" \",\"persons\":[\"P-2023-000001\"],\"until\":\"2024-01-05\"}");
        assertThat(blank.field()).isEqualTo("partner");
    }

    @Test
    void malformedJson() {
        EventFormatException e = error("{\"type\":\"ApplicationLodged\",\"dossier\":");
        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith("malformed JSON at column ").doesNotContain("Source");
        assertThat(error("{\"type\":\"ApplicationLodged\"} {}").getMessage()).startsWith("malformed JSON");
        assertThat(error("{\"type\":\"ApplicationLodged\",\"type\":\"ApplicationLodged\"}").getMessage())
                .startsWith("malformed JSON").contains("Duplicate field 'type'");
        assertThat(error("[1,2]").getMessage()).isEqualTo("expected a JSON object, found an array");
    }

    @Test
    void missingOrUnknownType() {
        EventFormatException missing = error("{\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\"}");
        assertThat(missing.field()).isEqualTo("type");
        assertThat(missing.getMessage()).startsWith("field 'type': missing event type; known types: [ApplicationRegistered, ");

        EventFormatException unknown = error("{\"type\":\"ApplicationTeleported\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\"}");
        assertThat(unknown.field()).isEqualTo("type");
        assertThat(unknown.detail()).startsWith("unknown event type 'ApplicationTeleported'; known types: [")
                .contains("ApplicationLodged", "VoluntaryReturn", "ForcedReturn");

        assertThat(error("{\"type\":7}").detail()).startsWith("expected the event type as a string, found a number");
    }

    @Test
    void unknownField() {
        EventFormatException e = error("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"note\":\"x\"}");
        assertThat(e.field()).isEqualTo("note");
        assertThat(e.detail()).isEqualTo("unknown field of ApplicationLodged; expected [type, dossier, date]");

        EventFormatException nested = error(registration(
                "[{\"id\":\"P-2023-000001\",\"nationality\":\"AF\",\"sex\":\"MALE\",\"yearOfBirth\":1990,\"declaredUnaccompaniedMinor\":false,\"name\":\"X\"}]"));
        assertThat(nested.field()).isEqualTo("persons[0].name");
        assertThat(nested.detail()).startsWith("unknown field of Person; expected [id, nationality, sex, ");
    }

    @Test
    void missingOrNullRequiredField() {
        EventFormatException e = error("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\"}");
        assertThat(e.getMessage()).isEqualTo("field 'date': missing required field of ApplicationLodged");
        EventFormatException n = error("{\"type\":\"ApplicationLodged\",\"dossier\":null,\"date\":\"2023-01-05\"}");
        assertThat(n.getMessage()).isEqualTo("field 'dossier': must not be null");
        EventFormatException p = error(registration("[{\"id\":\"P-2023-000001\",\"nationality\":\"AF\",\"sex\":\"MALE\",\"yearOfBirth\":1990}]"));
        assertThat(p.getMessage()).isEqualTo("field 'persons[0].declaredUnaccompaniedMinor': missing required field of Person");
    }

    @Test
    void unknownNationalityCodeNamesThePersonsField() {
        EventFormatException e = error(registration(
                "[{\"id\":\"P-2023-000001\",\"nationality\":\"AF\",\"sex\":\"MALE\",\"yearOfBirth\":1990,\"declaredUnaccompaniedMinor\":false},"
                        + "{\"id\":\"P-2023-000002\",\"nationality\":\"ZZ\",\"sex\":\"MALE\",\"yearOfBirth\":1990,\"declaredUnaccompaniedMinor\":false}]"));
        assertThat(e.field()).isEqualTo("persons[1].nationality");
        assertThat(e.getMessage()).startsWith("field 'persons[1].nationality': unknown nationality code 'ZZ': expected an ISO 3166-1");
    }

    @Test
    void invalidValues() {
        assertThat(error("{\"type\":\"ApplicationLodged\",\"dossier\":\"Jan Peeters\",\"date\":\"2023-01-05\"}").getMessage())
                .startsWith("field 'dossier': invalid dossier id 'Jan Peeters': expected 'D-'");
        assertThat(error("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-02-30\"}").getMessage())
                .startsWith("field 'date': invalid date '2023-02-30': expected YYYY-MM-DD");
        assertThat(error("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":\"5/1/2023\"}").getMessage())
                .isEqualTo("field 'date': invalid date '5/1/2023': expected YYYY-MM-DD");
        assertThat(error("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":20230105}").getMessage())
                .isEqualTo("field 'date': expected a date as a string YYYY-MM-DD, found a number");
        assertThat(error("{\"type\":\"DublinDecided\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"outcome\":\"MAYBE\"}").getMessage())
                .isEqualTo("field 'outcome': unknown DublinOutcome 'MAYBE'; expected one of [BELGIUM_RESPONSIBLE, TRANSFER_TO_OTHER_STATE]");
        assertThat(error("{\"type\":\"OrderToLeaveIssued\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"daysToLeave\":30.5}").getMessage())
                .isEqualTo("field 'daysToLeave': expected an integer, found the number 30.5");
        assertThat(error("{\"type\":\"VoluntaryReturn\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"reintegrationSupport\":\"yes\"}").getMessage())
                .isEqualTo("field 'reintegrationSupport': expected true or false, found a string");
        assertThat(error(registration("{}")).getMessage()).isEqualTo("field 'persons': expected an array, found an object");
        assertThat(error(registration("[null]")).getMessage()).isEqualTo("field 'persons[0]': must not be null");
    }

    @Test
    void coreConstructorChecksAreReportedOnTheirField() {
        assertThat(error("{\"type\":\"OrderToLeaveIssued\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"daysToLeave\":400}").getMessage())
                .isEqualTo("field 'daysToLeave': daysToLeave 400 is outside 0..365");
        assertThat(error("{\"type\":\"FinalDecisionTaken\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-05\",\"decisionType\":\"WITHDRAWAL\"}").field())
                .isEqualTo("decisionType");
        assertThat(error(registration("[]")).getMessage()).isEqualTo("field 'persons': persons must name at least one person");
        assertThat(error(registration(
                "[{\"id\":\"P-2023-000001\",\"nationality\":\"AF\",\"sex\":\"MALE\",\"yearOfBirth\":1800,\"declaredUnaccompaniedMinor\":false}]")).getMessage())
                .isEqualTo("field 'persons[0].yearOfBirth': yearOfBirth 1800 is outside 1900..2100");
    }

    @Test
    void decodedEventsAreTheCoreRecords() {
        ChainEvent e = codec.decode(codec.encode(Samples.all().get(0)));
        assertThat(e).isInstanceOf(ApplicationRegistered.class);
        assertThat(((ApplicationRegistered) e).principal().nationality().code()).isEqualTo("AF");
        assertThat(codec.decode("{\"type\":\"ApplicationLodged\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-01-06\"}"))
                .isInstanceOf(ApplicationLodged.class);
    }
}
