package eu.authorityhub.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A name resolver for the test JVM (the JDK's resolver SPI): names ending in {@code .slow.test} resolve to 127.0.0.1,
 * and while a test holds them, their lookups wait until it lets go (a resolver that does not answer); every other name
 * goes to the JDK's own resolver.
 */
public final class SlowDns extends InetAddressResolverProvider {

    /**
     * The latch lives in the system properties: the JDK loads this provider with the system class loader, while a
     * {@code @QuarkusTest} sees its own copy of this class, so a static field would not be shared.
     */
    private static final String HELD = "hub.tests.slow-dns.held";

    /** From now on, lookups of *.slow.test wait until {@link #release()}. */
    public static void hold() {
        System.getProperties().put(HELD, new CountDownLatch(1));
    }

    public static void release() {
        if (System.getProperties().remove(HELD) instanceof CountDownLatch latch) {
            latch.countDown();
        }
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {

            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (!host.endsWith(".slow.test")) {
                    return builtin.lookupByName(host, policy);
                }
                try {
                    if (System.getProperties().get(HELD) instanceof CountDownLatch held) {
                        held.await(2, TimeUnit.MINUTES);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnknownHostException(host);
                }
                return Stream.of(InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1}));
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "hub-tests-slow-dns";
    }
}
