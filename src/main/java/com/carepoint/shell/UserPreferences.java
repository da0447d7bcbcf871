package com.carepoint.shell;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A user's display preferences, kept per user id so that they follow the user to any device. */
@Service
public class UserPreferences {

    private final JdbcClient jdbc;

    public UserPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean darkMode(String userId) {
        return jdbc.sql("select dark_mode from user_preference where user_id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void setDarkMode(String userId, boolean dark) {
        jdbc.sql("""
                insert into user_preference (user_id, dark_mode, updated_at) values (?, ?, now())
                on conflict (user_id) do update set dark_mode = excluded.dark_mode, updated_at = now()
                """)
                .param(userId)
                .param(dark)
                .update();
    }
}
