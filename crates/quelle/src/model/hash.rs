//! Feature hashing: features are (template, value) pairs mapped to a bucket index.
//!
//! The hash is a fixed, platform-independent function (FNV-1a over bytes, then a
//! 64-bit finaliser) so that models trained on one machine work on every other.

/// A 64-bit feature hash under construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureHash(pub u64);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Hashes a byte string (FNV-1a).
#[inline]
pub const fn hash_bytes(bytes: &[u8]) -> u64 {
    // A `while` loop, so the hash of a fixed word can be a constant.
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// Mixes two 64-bit values into one (used to combine template ids and values).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable() {
        // A fixed value guards against accidental changes that would break saved models.
        assert_eq!(hash_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
