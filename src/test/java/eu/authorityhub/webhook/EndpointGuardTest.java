package eu.authorityhub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;
import eu.authorityhub.webhook.EndpointGuard.AddressClass;
import eu.authorityhub.webhook.EndpointGuard.AllowList;

/** The SSRF guard's rules, as in production (https required, no loopback allowance). */
class EndpointGuardTest {

    private final EndpointGuard production = new EndpointGuard(true, AllowList.NONE);

    @Test
    void plainHttpIsRefusedOutsideDevAndTest() {
        assertThatThrownBy(() -> production.parse("http://intake.example.org/hook"))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.WEBHOOK_HTTPS_REQUIRED));
        assertThat(production.parse("https://intake.example.org/hook").getHost()).isEqualTo("intake.example.org");
    }

    @Test
    void everyAddressClass() throws Exception {
        assertThat(classOf("8.8.8.8")).isEqualTo(AddressClass.PUBLIC);
        assertThat(classOf("2a00:1450:4001::1")).isEqualTo(AddressClass.PUBLIC);
        assertThat(classOf("127.0.0.1")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(classOf("::1")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(classOf("0.0.0.0")).isEqualTo(AddressClass.UNSPECIFIED);
        assertThat(classOf("::")).isEqualTo(AddressClass.UNSPECIFIED);
        assertThat(classOf("10.0.0.1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(classOf("172.31.255.255")).isEqualTo(AddressClass.PRIVATE);
        assertThat(classOf("172.32.0.1")).isEqualTo(AddressClass.PUBLIC);
        assertThat(classOf("192.168.0.1")).isEqualTo(AddressClass.PRIVATE);
        assertThat(classOf("100.64.0.1")).isEqualTo(AddressClass.SHARED);
        assertThat(classOf("169.254.1.1")).isEqualTo(AddressClass.LINK_LOCAL);
        assertThat(classOf("fe80::1")).isEqualTo(AddressClass.LINK_LOCAL);
        assertThat(classOf("169.254.169.254")).isEqualTo(AddressClass.METADATA);
        assertThat(classOf("fd00:ec2::254")).isEqualTo(AddressClass.METADATA);
        assertThat(classOf("fd12:3456::1")).isEqualTo(AddressClass.UNIQUE_LOCAL);
        assertThat(classOf("239.1.1.1")).isEqualTo(AddressClass.MULTICAST);
        assertThat(classOf("ff02::1")).isEqualTo(AddressClass.MULTICAST);
        assertThat(classOf("255.255.255.255")).isEqualTo(AddressClass.RESERVED);
        // IPv4 inside IPv6: mapped, NAT64, 6to4
        assertThat(classOf("::ffff:127.0.0.1")).isEqualTo(AddressClass.LOOPBACK);
        assertThat(classOf("64:ff9b::a9fe:a9fe")).isEqualTo(AddressClass.METADATA);
        assertThat(classOf("2002:c0a8:0101::1")).isEqualTo(AddressClass.PRIVATE);
    }

    @Test
    void siteLocalLocalUseNat64AndTeredoAreNotPublic() throws Exception {
        assertThat(classOf("fec0::1")).as("site-local").isEqualTo(AddressClass.RESERVED);
        assertThat(classOf("feff:ffff::1")).as("site-local, top of fec0::/10").isEqualTo(AddressClass.RESERVED);
        assertThat(classOf("64:ff9b:1::a00:1")).as("local-use NAT64").isEqualTo(AddressClass.RESERVED);
        assertThat(classOf("64:ff9b:1:ffff::1")).as("local-use NAT64, end of the /48").isEqualTo(
                AddressClass.RESERVED);
        assertThat(classOf("2001:0:4136:e378:8000:63bf:3fff:fdd2")).as("Teredo").isEqualTo(AddressClass.RESERVED);
        // the neighbours stay public
        assertThat(classOf("64:ff9b:2::1")).isEqualTo(AddressClass.PUBLIC);
        assertThat(classOf("2001:1::1")).isEqualTo(AddressClass.PUBLIC);
        assertThat(classOf("2001:4860::8888")).isEqualTo(AddressClass.PUBLIC);
        assertThatThrownBy(() -> production.check(production.parse("https://[fec0::1]/x"), AllowList.NONE))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.WEBHOOK_ADDRESS_REFUSED));
    }

    @Test
    void aNetworkInAnAllowListIsALiteralNeverAName() {
        assertThat(EndpointGuard.Cidr.parse("10.20.0.0/16").prefix()).isEqualTo(16);
        assertThat(EndpointGuard.Cidr.parse("2001:db8::/32").prefix()).isEqualTo(32);
        assertThat(EndpointGuard.Cidr.parse("fd12:3456::/48").prefix()).isEqualTo(48);
        for (String name : List.of("localhost/8", "intake.example.org/24", "10.20.0.0.example.org/16", "1.2.3/8")) {
            assertThatThrownBy(() -> EndpointGuard.Cidr.parse(name)).as(name).isInstanceOfSatisfying(
                    HubException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void allowListsAdmitPrivateNetworksButNeverMetadata() {
        URI wan = production.parse("https://10.20.30.40/intake");
        assertThatThrownBy(() -> production.check(wan, AllowList.NONE)).isInstanceOf(HubException.class);
        AllowList ownerList = AllowList.of(List.of("10.20.0.0/16"), List.of());
        assertThat(production.check(wan, ownerList).addresses()).hasSize(1);
        assertThatThrownBy(() -> production.check(production.parse("https://10.21.0.1/x"), ownerList))
                .isInstanceOf(HubException.class);
        AllowList everything = AllowList.of(List.of("0.0.0.0/0"), List.of());
        assertThatThrownBy(() -> production.check(production.parse("https://169.254.169.254/x"), everything))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.code()).isEqualTo(
                        ErrorCode.WEBHOOK_ADDRESS_REFUSED));
        EndpointGuard deployment = new EndpointGuard(true, AllowList.of(List.of("192.168.7.0/24"), List.of()));
        assertThat(deployment.check(deployment.parse("https://192.168.7.9/x"), AllowList.NONE).port())
                .isEqualTo(443);
    }

    private static AddressClass classOf(String literal) throws Exception {
        return EndpointGuard.classify(InetAddress.getByName(literal));
    }
}
