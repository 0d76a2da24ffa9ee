package eu.authorityhub.webhook;

import java.util.concurrent.ThreadFactory;

/** Threads of the webhook machinery: named, and daemons, so that they never keep a stopping hub alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
