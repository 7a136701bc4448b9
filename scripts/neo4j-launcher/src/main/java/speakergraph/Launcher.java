package speakergraph;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs a real Neo4j Community database (the embedded engine) with its Bolt connector, bound to the
 * given address, with authentication on. Stops cleanly on SIGTERM/SIGINT through a shutdown hook, so
 * the store is checkpointed and closed rather than killed.
 *
 * Arguments: --home DIR --host ADDR --port N --pagecache SIZE. The password comes from the environment
 * variable SPEAKERGRAPH_NEO4J_PASSWORD (never the command line, which other users can read).
 */
public final class Launcher {
    private Launcher() {}

    private static void log(String message) {
        System.out.println("[speakergraph-neo4j] " + message);
        System.out.flush();
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> parsed = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            parsed.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"home", "host", "port", "pagecache"}) {
            if (!parsed.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        return parsed;
    }

    /** "512m" -> bytes. */
    private static long parseSize(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        return Long.parseLong(s) * unit;
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> opts = parseArgs(args);
        String password = System.getenv("SPEAKERGRAPH_NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("SPEAKERGRAPH_NEO4J_PASSWORD is not set");
        }
        String host = opts.get("host");
        int port = Integer.parseInt(opts.get("port"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(opts.get("home")))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, parseSize(opts.get("pagecache")))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            dbms.shutdown();
            log("stopped");
            stopped.countDown();
        }, "speakergraph-neo4j-shutdown"));

        setPassword(dbms, password);
        log("READY bolt://" + host + ":" + port);
        stopped.await();
    }

    /** Sets the neo4j user's password from config on every start, so a changed config takes effect. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the value it already has; that is the normal restart case.
            if (!e.getMessage().toLowerCase(Locale.ROOT).contains("same")) {
                throw e;
            }
        }
    }
}
