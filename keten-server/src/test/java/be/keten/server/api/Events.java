package be.keten.server.api;

/** Command bodies for the tests: the event's fields as the NDJSON event format writes them, without type and dossier. */
final class Events {
    private Events() {
    }

    static String register(String date, String person, String nationality) {
        return "{\"date\":\"" + date + "\",\"application\":\"A-" + person.substring(2) + "\",\"applicationType\":\"FIRST\","
                + "\"persons\":[{\"id\":\"" + person + "\",\"nationality\":\"" + nationality + "\",\"sex\":\"MALE\",\"yearOfBirth\":1990,"
                + "\"declaredUnaccompaniedMinor\":false}],\"languageRole\":\"NL\",\"protectedInOtherEuState\":false}";
    }

    static String dated(String date) {
        return "{\"date\":\"" + date + "\"}";
    }
}
