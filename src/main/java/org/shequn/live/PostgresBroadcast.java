package org.shequn.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes on one PostgreSQL: {@code pg_notify} in the sender's transaction (delivered on commit) and
 * one dedicated LISTEN connection per node, outside the pool, read by a background thread that reconnects
 * when the connection drops. Messages sent while a node is reconnecting are lost to that node's clients;
 * their pages catch up on the next reload or reconnect (see docs/adr/0007-live-updates.md).
 */
final class PostgresBroadcast implements Broadcast, SmartLifecycle {

    static final String CHANNEL = "shequn_live";
    /** Shown in pg_stat_activity, so an operator (or a test) can find the listeners. */
    static final String APPLICATION_NAME = "shequn-live";

    private static final Logger log = LoggerFactory.getLogger(PostgresBroadcast.class);
    private static final int POLL_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Streams streams;
    private final String url;
    private final Properties credentials = new Properties();

    private volatile boolean running;
    private volatile Connection connection;
    private volatile Thread listener;

    PostgresBroadcast(JdbcClient jdbc, JsonMapper json, Streams streams, String url, String user, String password) {
        this.jdbc = jdbc;
        this.json = json;
        this.streams = streams;
        this.url = url;
        credentials.setProperty("user", user == null ? "" : user);
        credentials.setProperty("password", password == null ? "" : password);
        credentials.setProperty("ApplicationName", APPLICATION_NAME);
        credentials.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public void send(LiveMessage message) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, message.toJson(json)).query().listOfRows();
    }

    @Override
    public void start() {
        running = true;
        try {
            // the first LISTEN before the node takes requests: what is written after start-up is heard
            connect();
        } catch (SQLException e) {
            log.warn("Live updates: cannot LISTEN yet ({}); retrying in the background", e.getMessage());
        }
        var thread = Thread.ofPlatform().daemon().name("shequn-live-listener").unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                // a later start() must not find the old listener still polling beside the new one
                listener.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Listening before the web server takes requests, and until it has stopped. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 250;
        // a stop and a quick restart leave the old thread behind: only the current one listens
        while (running && listener == Thread.currentThread()) {
            try {
                if (connection == null) {
                    connect();
                    log.info("Live updates: listening on PostgreSQL channel {} again", CHANNEL);
                    // what was sent while we were away is lost: tell the pages to catch up
                    streams.resync();
                }
                var notifications = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                backoff = 250;
                if (notifications != null) {
                    for (var notification : notifications) {
                        var message = LiveMessage.parse(json, notification.getParameter());
                        if (message != null) {
                            streams.deliver(message);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running || listener != Thread.currentThread()) {
                    return;
                }
                log.warn("Live updates: the LISTEN connection failed ({}); reconnecting", e.getMessage());
                close();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void connect() throws SQLException {
        var c = DriverManager.getConnection(url, credentials);
        try (var statement = c.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        connection = c;
    }

    private void close() {
        var c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
