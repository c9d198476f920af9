package be.keten.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Named facts about the installation (which dataset it holds, say); one value per name. */
public final class Settings {
    /** What the store holds, when it is not real case data: shown on every page of the dashboard. */
    public static final String DATASET = "dataset";

    private final Database db;

    public Settings(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE setting_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public void put(String name, String value) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM settings WHERE setting_name = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO settings (setting_name, setting_value) VALUES (?, ?)")) {
                del.setString(1, name);
                del.executeUpdate();
                ins.setString(1, name);
                ins.setString(2, value);
                return ins.executeUpdate();
            }
        });
    }
}
