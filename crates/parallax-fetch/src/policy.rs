//! The fetch policy: which addresses a fetch may reach, checked on every resolved address of
//! every hop (the first request and each redirect), so that neither a redirect nor a DNS answer
//! can take a fetch somewhere its starting point could not.
//!
//! A URL the user names vouches for its own kind of address: `http://127.0.0.1:8080/` may be
//! fetched, and its redirects may stay on loopback. Links found in a fetched page or a feed are
//! held to the reach of where they were found; links in a local file to the public internet
//! only. Link-local (169.254.0.0/16, fe80::/10: cloud metadata), multicast, unspecified and
//! reserved addresses are reached only with `allow_private` (`--allow-private-urls`), as are
//! loopback and private addresses from a public start.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, ToSocketAddrs};

use ureq::config::Config as AgentConfig;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// What kind of address an IP address is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Public,
    Loopback,
    /// RFC 1918, shared (100.64.0.0/10) and unique-local (fc00::/7) addresses.
    Private,
    /// 169.254.0.0/16 and fe80::/10, where clouds serve instance metadata.
    LinkLocal,
    Multicast,
    /// Unspecified, broadcast, documentation and other reserved ranges.
    Reserved,
}

impl Class {
    /// The class of `ip`.
    pub fn of(ip: IpAddr) -> Class {
        match ip {
            IpAddr::V4(v4) => class_v4(v4),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => class_v4(v4),
                None => class_v6(v6),
            },
        }
    }

    /// How the policy names it in a refusal.
    fn name(self) -> &'static str {
        match self {
            Class::Public => "public address",
            Class::Loopback => "loopback address",
            Class::Private => "private address",
            Class::LinkLocal => "link-local address",
            Class::Multicast => "multicast address",
            Class::Reserved => "reserved address",
        }
    }
}

fn class_v4(ip: Ipv4Addr) -> Class {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Class::Loopback
    } else if ip.is_private() || (a == 100 && (64..128).contains(&b)) {
        Class::Private
    } else if ip.is_link_local() {
        Class::LinkLocal
    } else if ip.is_multicast() {
        Class::Multicast
    } else if ip.is_unspecified() || ip.is_broadcast() || ip.is_documentation() || a == 0 || a >= 240 {
        Class::Reserved
    } else {
        Class::Public
    }
}

fn class_v6(ip: Ipv6Addr) -> Class {
    let first = ip.segments()[0];
    if ip.is_loopback() {
        Class::Loopback
    } else if first & 0xfe00 == 0xfc00 {
        Class::Private
    } else if first & 0xffc0 == 0xfe80 {
        Class::LinkLocal
    } else if ip.is_multicast() {
        Class::Multicast
    } else if ip.is_unspecified() || first == 0x2001 && ip.segments()[1] == 0x0db8 {
        Class::Reserved
    } else {
        Class::Public
    }
}

/// Which classes of address a fetch may reach: public ones always, and the kind its starting
/// point vouched for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reach {
    /// Public addresses only.
    Public,
    /// Public and loopback addresses (a start on loopback).
    Loopback,
    /// Public and private addresses (a start on a private network).
    Private,
    /// Any address (`--allow-private-urls`).
    Any,
}

impl Reach {
    /// Whether an address of `class` may be reached.
    pub fn allows(self, class: Class) -> bool {
        match class {
            Class::Public => true,
            Class::Loopback => matches!(self, Reach::Loopback | Reach::Any),
            Class::Private => matches!(self, Reach::Private | Reach::Any),
            Class::LinkLocal | Class::Multicast | Class::Reserved => self == Reach::Any,
        }
    }

    /// The reach a URL the user named vouches for: the kind of its own address (loopback or
    /// private, resolved now), else public; `Any` when `allow_private`.
    pub fn of_url(url: &str, allow_private: bool) -> Reach {
        if allow_private {
            return Reach::Any;
        }
        let Ok(uri) = url.parse::<Uri>() else { return Reach::Public };
        let (Some(host), port) = (uri.host(), uri.port_u16().unwrap_or(80)) else { return Reach::Public };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let addresses: Vec<IpAddr> = match host.parse::<IpAddr>() {
            Ok(ip) => vec![ip],
            Err(_) => (host, port).to_socket_addrs().map(|a| a.map(|s| s.ip()).collect()).unwrap_or_default(),
        };
        let classes: Vec<Class> = addresses.into_iter().map(Class::of).collect();
        if classes.contains(&Class::Loopback) {
            Reach::Loopback
        } else if classes.contains(&Class::Private) {
            Reach::Private
        } else {
            Reach::Public
        }
    }
}

/// Whether a URL sent by someone else (a request to the server) may be fetched at all: it is
/// `http` or `https`, and its host is, or resolves only to, public addresses. Checked before
/// the fetch so a refusal is answered at once; the fetch still checks every hop
/// ([`Reach::Public`]), so a redirect or a later DNS answer cannot take it elsewhere. A host
/// that does not resolve now is left to the fetch to report.
pub fn check_public(url: &str) -> Result<(), Refused> {
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https")) {
        return Err(Refused("only http and https are fetched".to_string()));
    }
    let uri = url.parse::<Uri>().map_err(|_| Refused("not a URL".to_string()))?;
    let Some(host) = uri.host() else { return Err(Refused("a URL with no host".to_string())) };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = uri.port_u16().unwrap_or(if uri.scheme_str() == Some("https") { 443 } else { 80 });
    let addresses: Vec<IpAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => (host, port).to_socket_addrs().map(|a| a.map(|s| s.ip()).collect()).unwrap_or_default(),
    };
    match addresses.into_iter().map(Class::of).find(|&c| c != Class::Public) {
        Some(class) => Err(Refused(format!("{} ({host})", class.name()))),
        None => Ok(()),
    }
}

/// A refusal by the policy, for the error line.
#[derive(Debug)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "refused by the fetch policy: {}", self.0)
    }
}

impl std::error::Error for Refused {}

/// The system resolver, keeping only the addresses the reach allows: every hop of a fetch
/// connects through it.
#[derive(Debug)]
pub(crate) struct PolicyResolver {
    pub(crate) reach: Reach,
    inner: DefaultResolver,
}

impl PolicyResolver {
    pub(crate) fn new(reach: Reach) -> PolicyResolver {
        PolicyResolver { reach, inner: DefaultResolver::default() }
    }
}

impl Resolver for PolicyResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &AgentConfig,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        if !matches!(uri.scheme_str(), Some("http" | "https")) {
            return Err(ureq::Error::Other(Box::new(Refused("only http and https are fetched".to_string()))));
        }
        let found = self.inner.resolve(uri, config, timeout)?;
        let mut kept = self.inner.empty();
        let mut refused = None;
        for address in found.iter().copied() {
            let class = Class::of(address.ip());
            if self.reach.allows(class) {
                kept.push(address);
            } else {
                refused.get_or_insert(class);
            }
        }
        match (kept.is_empty(), refused) {
            (true, Some(class)) => Err(ureq::Error::Other(Box::new(Refused(class.name().to_string())))),
            _ => Ok(kept),
        }
    }
}

/// `url` without the user name and password it may carry (`http://user:secret@host/` →
/// `http://host/`): stored and shown URLs keep no credentials.
pub fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Class, Reach, check_public, without_credentials};

    #[test]
    fn a_url_from_elsewhere_must_be_http_to_a_public_address() {
        for refused in [
            "http://127.0.0.1:7878/api",
            "http://[::1]/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5/",
            "https://localhost/",
            "file:///etc/passwd",
            "gopher://93.184.216.34/",
            "not a url",
        ] {
            assert!(check_public(refused).is_err(), "{refused}");
        }
        assert!(check_public("http://93.184.216.34/news/ferry.html").is_ok());
        let why = check_public("http://169.254.169.254/").expect_err("refused").to_string();
        assert!(why.contains("link-local address"), "{why}");
        let why = check_public("file:///etc/passwd").expect_err("refused").to_string();
        assert!(why.contains("only http and https"), "{why}");
    }

    #[test]
    fn addresses_by_class_and_what_each_start_may_reach() {
        let class = |s: &str| Class::of(s.parse().expect("an address"));
        assert_eq!(class("169.254.169.254"), Class::LinkLocal);
        assert_eq!(class("127.0.0.2"), Class::Loopback);
        assert_eq!(class("10.1.2.3"), Class::Private);
        assert_eq!(class("100.64.0.1"), Class::Private);
        assert_eq!(class("224.0.0.1"), Class::Multicast);
        assert_eq!(class("0.0.0.0"), Class::Reserved);
        assert_eq!(class("::ffff:169.254.169.254"), Class::LinkLocal);
        assert_eq!(class("fe80::1"), Class::LinkLocal);
        assert_eq!(class("fd00::1"), Class::Private);
        assert_eq!(class("93.184.216.34"), Class::Public);
        assert!(!Reach::Public.allows(Class::Loopback));
        assert!(Reach::Loopback.allows(Class::Loopback) && !Reach::Loopback.allows(Class::LinkLocal));
        assert!(!Reach::Loopback.allows(Class::Private) && !Reach::Private.allows(Class::Loopback));
        assert!(!Reach::Private.allows(Class::LinkLocal) && !Reach::Private.allows(Class::Multicast));
        assert!(Reach::Any.allows(Class::LinkLocal));
        assert_eq!(Reach::of_url("http://127.0.0.1:8080/a", false), Reach::Loopback);
        assert_eq!(Reach::of_url("http://[::1]:8080/a", false), Reach::Loopback);
        assert_eq!(Reach::of_url("http://10.0.0.5/a", false), Reach::Private);
        assert_eq!(Reach::of_url("http://10.0.0.5/a", true), Reach::Any);
    }

    #[test]
    fn credentials_are_stripped() {
        assert_eq!(without_credentials("http://user:secret@example.org/a?b=c"), "http://example.org/a?b=c");
        assert_eq!(without_credentials("https://example.org/a@b"), "https://example.org/a@b");
        assert_eq!(without_credentials("not a url"), "not a url");
    }
}
