//! Which network addresses the server may reach on an organisation's behalf (webhooks), so that
//! a registered address cannot make Touchstone talk to itself, its host, the cloud metadata
//! service or the private network it runs in (server-side request forgery).
//!
//! [`is_public_address`] decides on one address, by hand over std's `IpAddr` (std's
//! `is_global` is unstable). [`GuardedResolver`] applies it where it holds: to every address a
//! host name resolves to at delivery time, in the one resolution whose addresses the
//! connection then uses, so a name cannot answer "public" to a check and "loopback" to the
//! connection (DNS rebinding).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// IPv4 ranges that are not reachable on the public internet, or must not be reached from it.
/// (network, prefix length, what it is).
const NON_PUBLIC_V4: &[(Ipv4Addr, u8, &str)] = &[
    (Ipv4Addr::new(0, 0, 0, 0), 8, "\"this network\"; 0.0.0.0 reaches the local host"),
    (Ipv4Addr::new(10, 0, 0, 0), 8, "private"),
    (Ipv4Addr::new(100, 64, 0, 0), 10, "carrier-grade NAT"),
    (Ipv4Addr::new(127, 0, 0, 0), 8, "loopback"),
    (Ipv4Addr::new(169, 254, 0, 0), 16, "link-local, cloud metadata services"),
    (Ipv4Addr::new(172, 16, 0, 0), 12, "private"),
    (Ipv4Addr::new(192, 0, 0, 0), 24, "IETF protocol assignments"),
    (Ipv4Addr::new(192, 0, 2, 0), 24, "documentation"),
    (Ipv4Addr::new(192, 88, 99, 0), 24, "6to4 relay anycast (deprecated)"),
    (Ipv4Addr::new(192, 168, 0, 0), 16, "private"),
    (Ipv4Addr::new(198, 18, 0, 0), 15, "benchmarking"),
    (Ipv4Addr::new(198, 51, 100, 0), 24, "documentation"),
    (Ipv4Addr::new(203, 0, 113, 0), 24, "documentation"),
    (Ipv4Addr::new(224, 0, 0, 0), 4, "multicast"),
    (Ipv4Addr::new(240, 0, 0, 0), 4, "reserved, and 255.255.255.255 broadcast"),
];

/// IPv6 ranges refused outright. Only 2000::/3 is global unicast today, so everything outside
/// it is refused anyway (see [`is_public_v6`]); the ranges outside it are listed too so that
/// the table says what is refused and why. The forms that embed an IPv4 address are judged by
/// that address before this table is read (see [`embedded_v4`]).
const NON_PUBLIC_V6: &[(Ipv6Addr, u8, &str)] = &[
    (Ipv6Addr::new(0, 0, 0, 0, 0, 0, 0, 0), 8, "unspecified, loopback and reserved"),
    (Ipv6Addr::new(0x64, 0xff9b, 1, 0, 0, 0, 0, 0), 48, "NAT64 for local use"),
    (Ipv6Addr::new(0x100, 0, 0, 0, 0, 0, 0, 0), 64, "discard only"),
    (Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0), 23, "IETF protocol assignments, Teredo 2001::/32 among them"),
    (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), 32, "documentation"),
    (Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0), 20, "documentation"),
    (Ipv6Addr::new(0x5f00, 0, 0, 0, 0, 0, 0, 0), 16, "segment routing identifiers"),
    (Ipv6Addr::new(0xfc00, 0, 0, 0, 0, 0, 0, 0), 7, "unique local"),
    (Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0), 10, "link-local"),
    (Ipv6Addr::new(0xfec0, 0, 0, 0, 0, 0, 0, 0), 10, "site-local (deprecated)"),
    (Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0), 8, "multicast"),
];

/// Whether `ip` is an address on the public internet that a webhook may be sent to: not
/// loopback, unspecified, private, shared (CGNAT), link-local, benchmarking, documentation,
/// multicast, broadcast or reserved; an IPv6 address that embeds an IPv4 one (mapped,
/// compatible, translated, NAT64, 6to4) is judged by the IPv4 address it reaches.
pub fn is_public_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let n = u32::from(ip);
    !NON_PUBLIC_V4.iter().any(|&(net, len, _)| n >> (32 - u32::from(len)) == u32::from(net) >> (32 - u32::from(len)))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    let n = u128::from(ip);
    let within = |net: Ipv6Addr, len: u8| n >> (128 - u32::from(len)) == u128::from(net) >> (128 - u32::from(len));
    within(Ipv6Addr::new(0x2000, 0, 0, 0, 0, 0, 0, 0), 3)
        && !NON_PUBLIC_V6.iter().any(|&(net, len, _)| within(net, len))
}

/// The IPv4 address an IPv6 address carries and would reach through the host's stack or a
/// translator: IPv4-compatible `::a.b.c.d` (::/96, which also covers `::` and `::1`),
/// IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`
/// and 6to4 `2002:aabb:ccdd::/48`. Teredo (2001::/32) obfuscates its address and is refused
/// outright by the table instead.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let n = u128::from(ip);
    let high96 = n >> 32;
    if matches!(high96, 0 | 0xffff | 0xffff_0000 | 0x0064_ff9b_0000_0000_0000_0000) {
        return Some(Ipv4Addr::from(n as u32));
    }
    if n >> 112 == 0x2002 {
        return Some(Ipv4Addr::from((n >> 80) as u32));
    }
    None
}

/// Why a connection was not attempted: the name resolved (or the address is) on a non-public
/// network. Carried in `ureq::Error::Other` so the caller can tell it from a network failure.
#[derive(Debug)]
pub struct NonPublicAddress(pub IpAddr);

impl std::fmt::Display for NonPublicAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is not a public address", self.0)
    }
}

impl std::error::Error for NonPublicAddress {}

impl NonPublicAddress {
    /// Whether a ureq error is this refusal.
    pub fn is(e: &ureq::Error) -> bool {
        matches!(e, ureq::Error::Other(inner) if inner.is::<NonPublicAddress>())
    }
}

/// ureq's resolver, refusing every host that resolves to any non-public address (unless local
/// addresses are allowed: development and tests). ureq connects only to the addresses its
/// resolver returns, so the addresses checked here are exactly those connected to, with no
/// second lookup; TLS SNI and the `Host` header still use the name in the URL. Refusing when
/// *any* address is non-public (not only the first) stops a name that lists a public and a
/// private address from reaching the private one when the public one does not answer.
#[derive(Debug, Default)]
pub struct GuardedResolver {
    inner: DefaultResolver,
    allow_local: bool,
}

impl GuardedResolver {
    pub fn new(allow_local: bool) -> GuardedResolver {
        GuardedResolver { inner: DefaultResolver::default(), allow_local }
    }
}

impl Resolver for GuardedResolver {
    fn resolve(&self, uri: &Uri, config: &Config, timeout: NextTimeout) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout).map_err(|e| match e {
            // A failed lookup is an I/O error from getaddrinfo: say what it means.
            ureq::Error::Io(_) => ureq::Error::HostNotFound,
            other => other,
        })?;
        if !self.allow_local {
            if let Some(bad) = addrs.iter().find(|a| !is_public_address(a.ip())) {
                return Err(ureq::Error::Other(Box::new(NonPublicAddress(bad.ip()))));
            }
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_public_range_and_every_ipv6_form_of_one_is_refused_and_public_addresses_pass() {
        let refused = [
            // IPv4
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "100.64.0.1",
            "100.127.255.254",
            "127.0.0.1",
            "127.255.255.254",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.254",
            "192.0.0.1",
            "192.0.0.170",
            "192.0.2.1",
            "192.88.99.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.254",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            // IPv6
            "::",
            "::1",
            "fe80::1",
            "febf::1",
            "fec0::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
            "ff0e::1",
            "2001:db8::1",
            "3fff::1",
            "100::1",
            "5f00::1",
            // IPv6 carrying an IPv4 address that is not public
            "::ffff:127.0.0.1",
            "::ffff:0.0.0.0",
            "::ffff:169.254.169.254",
            "::ffff:100.64.0.1",
            "::ffff:10.0.0.1",
            "::ffff:0:127.0.0.1",
            "::127.0.0.1",
            "::10.0.0.1",
            "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b::10.0.0.1",
            "2002:7f00:1::",
            "2002:a9fe:a9fe::1",
            "2002:c0a8:101::1",
            // refused outright whatever they carry
            "64:ff9b:1::808:808",
            "64:ff9b:1::7f00:1",
            "2001::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "2001:2::1",
            "2001:10::1",
            // outside 2000::/3, not allocated
            "4000::1",
            "1234::1",
        ];
        for a in refused {
            let ip: IpAddr = a.parse().unwrap_or_else(|_| panic!("{a} parses"));
            assert!(!is_public_address(ip), "{a} must be refused");
        }
        let public = [
            "93.184.216.34",
            "8.8.8.8",
            "1.1.1.1",
            "9.255.255.255",
            "11.0.0.1",
            "100.63.255.255",
            "100.128.0.1",
            "169.253.255.255",
            "172.15.255.255",
            "172.32.0.1",
            "192.0.1.1",
            "192.167.255.255",
            "198.17.255.255",
            "198.20.0.1",
            "223.255.255.255",
            "2606:4700::1111",
            "2001:4860:4860::8888",
            "2a00:1450:4007:80e::200e",
            "2001:200::1",
            "::ffff:93.184.216.34",
            "64:ff9b::808:808",
            "2002:5db8:d822::1",
        ];
        for a in public {
            let ip: IpAddr = a.parse().unwrap_or_else(|_| panic!("{a} parses"));
            assert!(is_public_address(ip), "{a} must pass");
        }
    }

    #[test]
    fn the_resolver_refuses_a_name_that_resolves_to_loopback_unless_local_addresses_are_allowed() {
        let config = Config::default();
        let resolve = |allow_local: bool, uri: &str| {
            GuardedResolver::new(allow_local).resolve(&uri.parse().unwrap(), &config, NextTimeout::default())
        };
        for uri in ["http://localhost:9/", "https://[::ffff:127.0.0.1]:9/", "https://127.1:9/", "http://10.0.0.1/"] {
            let e = resolve(false, uri).expect_err(uri);
            assert!(NonPublicAddress::is(&e), "{uri}: {e}");
        }
        let local = resolve(true, "http://localhost:9/").expect("allowed in development");
        assert!(local.iter().any(|a| a.ip().is_loopback() && a.port() == 9), "{local:?}");
        let public = resolve(false, "https://93.184.216.34/").expect("a public literal needs no lookup");
        assert_eq!(public.iter().map(|a| a.to_string()).collect::<Vec<_>>(), ["93.184.216.34:443"]);
    }
}
