package io.gitops4j.samples.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lets the JVM exit at once after a command: ends the selector threads of {@code java.net.http} clients, which would
 * otherwise hold up {@link System#exit} by about 300 ms.
 *
 * <p>HotSpot's exit waits for threads that are running native code, polling every 10 ms, up to 30 times for
 * application threads. A JDK HTTP client keeps one such thread, {@code HttpClient-N-SelectorManager}, blocked in
 * {@code epoll_wait} until the client is garbage collected (Java 17 has no {@code HttpClient.close()}; fabric8's
 * client, closed, only stops its executor). Interrupting that thread wakes its selector and ends its loop; its
 * connections close. Done after the command's output is flushed, this changes nothing but the time to exit.
 */
final class QuickExit {
    private static final Pattern SELECTOR_THREAD = Pattern.compile("HttpClient-\\d+-SelectorManager");
    private static final long JOIN_MILLIS = 200;

    private QuickExit() {
    }

    /**
     * Ends the JDK HTTP clients' selector threads and waits (at most 200 ms each) until they have.
     *
     * @return how many threads were ended
     */
    static int endSelectorThreads() {
        List<Thread> selectors = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (thread != Thread.currentThread() && SELECTOR_THREAD.matcher(thread.getName()).matches()) {
                selectors.add(thread);
                thread.interrupt();
            }
        }
        int ended = 0;
        for (Thread selector : selectors) {
            try {
                selector.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!selector.isAlive()) {
                ended++;
            }
        }
        return ended;
    }

    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        while (count == threads.length) {
            threads = new Thread[threads.length * 2];
            count = root.enumerate(threads, true);
        }
        return Arrays.asList(threads).subList(0, count);
    }
}
