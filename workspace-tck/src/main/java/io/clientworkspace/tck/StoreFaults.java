package io.clientworkspace.tck;

import io.clientworkspace.spi.Stores;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Wraps every store of a store set in a {@link Proxy} on its SPI interface that records each store write and, when
 * armed, throws {@link InjectedFault} instead of performing the k-th write from then on (the store is not called
 * at all then). Used to prove that an operation leaves nothing behind when it fails at any of its writes.
 *
 * <p>A call is a write unless its method name starts with one of {@link #READ_PREFIXES} (find, list, count, ...):
 * erring on the side of "write" only adds steps to the matrix, it never hides one. The unit of work and the outbox
 * are not wrapped (they are what must undo the writes). Thread-safe.
 */
public final class StoreFaults {

    /** Method-name prefixes of the SPI methods that only read. */
    public static final List<String> READ_PREFIXES = List.of("find", "list", "count", "latest", "exists", "has",
            "get", "live", "keys", "newest", "overdue", "progress", "referenced", "revisions", "used", "versions",
            "acknowledgements", "decisions", "dueBetween", "inbox", "clientVisible", "search", "since", "unread",
            "equals", "hashCode", "toString");

    /** The failure thrown instead of the armed write. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String step) {
            super("injected fault at " + step);
        }
    }

    /**
     * One write seen by the wrappers.
     *
     * @param spi    the store SPI interface
     * @param method the method called
     * @param args   its arguments (empty for none)
     */
    public record Write(Class<?> spi, String method, List<Object> args) {

        public Write {
            requireNonNull(spi, "spi must not be null");
            requireNonNull(method, "method must not be null");
            args = List.copyOf(args);
        }

        /** {@code SpiName.method} (and the record type written, if the first argument is a record). */
        public String step() {
            String what = args.isEmpty() || !args.get(0).getClass().isRecord() ? ""
                    : "(" + args.get(0).getClass().getSimpleName() + ")";
            return spi.getSimpleName() + "." + method + what;
        }
    }

    private final Stores stores;
    private final List<Write> writes = new ArrayList<>();
    private int failAt;
    private boolean failed;

    private StoreFaults(Stores original) {
        Stores wrapped = original;
        for (Class<?> spi : Set.copyOf(original.provided())) {
            wrapped = wrap(wrapped, spi, original.require(spi));
        }
        this.stores = wrapped;
    }

    /** Wraps every store of {@code original}; the result starts disarmed and recording. */
    public static StoreFaults around(Stores original) {
        return new StoreFaults(requireNonNull(original, "original must not be null"));
    }

    /** The wrapped store set (same unit of work and outbox as the original). */
    public Stores stores() {
        return stores;
    }

    /** Forgets the writes seen so far and throws at the {@code k}-th write from now (1 = the next one). */
    public synchronized void failAtWrite(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        writes.clear();
        failAt = k;
        failed = false;
    }

    /** Forgets the writes seen so far and lets every write through. */
    public synchronized void disarm() {
        writes.clear();
        failAt = 0;
        failed = false;
    }

    /** Every write seen since the last {@link #failAtWrite} or {@link #disarm} (the failed one included), in order. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Whether the armed write was reached (and refused). */
    public synchronized boolean failed() {
        return failed;
    }

    private synchronized void seen(Write write) {
        writes.add(write);
        if (failAt > 0 && writes.size() == failAt) {
            failed = true;
            throw new InjectedFault("write " + failAt + ": " + write.step());
        }
    }

    private static boolean isRead(Method method) {
        return method.getDeclaringClass() == Object.class
                || READ_PREFIXES.stream().anyMatch(p -> method.getName().startsWith(p));
    }

    @SuppressWarnings("unchecked")
    private <S> Stores wrap(Stores set, Class<S> spi, Object target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] actual = args == null ? new Object[0] : args;
            if (!isRead(method)) {
                seen(new Write(spi, method.getName(), java.util.Arrays.stream(actual)
                        .map(a -> a == null ? "null" : a).toList()));
            }
            try {
                return method.invoke(target, actual);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        S proxy = (S) Proxy.newProxyInstance(spi.getClassLoader(), new Class<?>[] {spi}, handler);
        return set.with(spi, proxy);
    }
}
