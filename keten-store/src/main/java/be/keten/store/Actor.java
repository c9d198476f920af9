package be.keten.store;

/**
 * Who does an audited action and from where: a user or service name, and the client's address for
 * the server ({@value #COMMAND_LINE} for the command line on this host). Neither is personal data of
 * an applicant; the name is an account or OS user.
 */
public record Actor(String name, String origin) {
    public static final String COMMAND_LINE = "cli";
    private static final int MAX_NAME = 200;
    private static final int MAX_ORIGIN = 64;

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an audited read needs an actor: who is reading?");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("actor name longer than " + MAX_NAME + " characters");
        }
        name = name.strip();
        if (origin != null && origin.length() > MAX_ORIGIN) {
            origin = origin.substring(0, MAX_ORIGIN);
        }
    }

    /** An actor on this host's command line. */
    public static Actor local(String name) {
        return new Actor(name, COMMAND_LINE);
    }
}
