//! Feature hashing: features are (template, value) pairs mapped to a bucket index.
//!
//! The hash is a fixed, platform-independent function (FNV-1a over bytes, then a
//! 64-bit finaliser) so that models trained on one machine work on every other.

/// A 64-bit feature hash under construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureHash(pub u64);

/// FNV-1a's 64-bit offset basis and prime (also for hashes of transformed bytes,
/// such as the lower-cased words of `entities::propn`).
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(crate) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

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
pub const fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// `mix(K, v)` for the small values `v < N` of a feature, read from a table
/// built at compile time (a load instead of two multiplications and three
/// shifts); larger values are mixed as usual, so the result is `mix(K, v)`
/// for every `v`.
///
/// For templates whose values are small codes (positions, flags, buckets):
/// keep `N` small (at most 1024), so the rows a document touches stay few.
pub struct SmallMix<const K: u64, const N: usize>;

impl<const K: u64, const N: usize> SmallMix<K, N> {
    const TABLE: [u64; N] = {
        let mut t = [0u64; N];
        let mut v = 0;
        while v < N {
            t[v] = mix(K, v as u64);
            v += 1;
        }
        t
    };

    /// `mix(K, v)`.
    #[inline(always)]
    pub fn of(v: u64) -> u64 {
        if v < N as u64 {
            Self::TABLE[v as usize]
        } else {
            mix(K, v)
        }
    }
}

/// `mix(K, mix(a, b))` for `a < A` and `b < B`, from a table built at
/// compile time, else computed: for templates that pair two small codes.
pub struct SmallMix2<const K: u64, const A: usize, const B: usize>;

impl<const K: u64, const A: usize, const B: usize> SmallMix2<K, A, B> {
    const TABLE: [[u64; B]; A] = {
        let mut t = [[0u64; B]; A];
        let mut a = 0;
        while a < A {
            let mut b = 0;
            while b < B {
                t[a][b] = mix(K, mix(a as u64, b as u64));
                b += 1;
            }
            a += 1;
        }
        t
    };

    /// `mix(K, mix(a, b))`.
    #[inline(always)]
    pub fn of(a: u64, b: u64) -> u64 {
        if a < A as u64 && b < B as u64 {
            Self::TABLE[a as usize][b as usize]
        } else {
            mix(K, mix(a, b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_mixes_are_mixes() {
        for v in 0..40u64 {
            assert_eq!(SmallMix::<13, 16>::of(v), mix(13, v));
            for b in 0..20u64 {
                assert_eq!(SmallMix2::<34, 16, 16>::of(v, b), mix(34, mix(v, b)));
            }
        }
        assert_eq!(SmallMix::<13, 16>::of(u64::MAX), mix(13, u64::MAX));
    }

    #[test]
    fn hash_is_stable() {
        // A fixed value guards against accidental changes that would break saved models.
        assert_eq!(hash_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
