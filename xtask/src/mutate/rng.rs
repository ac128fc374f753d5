//! A small deterministic random number generator: xorshift64*, seeded through splitmix64, so
//! that mutant `N` of seed `S` is the same on every machine and every run.

/// xorshift64* (Vigna, 2016): fast, and good enough to pick mutations.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// The generator for mutant `index` of `seed`: independent of every other mutant, so one
    /// mutant is reproduced without generating those before it.
    pub fn for_mutant(seed: u64, index: u64) -> Rng {
        let mixed = splitmix64(splitmix64(seed) ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        // xorshift's one forbidden state.
        Rng(if mixed == 0 {
            0x2545_f491_4f6c_dd1d
        } else {
            mixed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`0` when `n` is `0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is at most n / 2^64: irrelevant here.
        (self.next_u64() % n as u64) as usize
    }

    /// `true` with probability `percent` / 100.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One item of `items`, or `None` if there is none.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}

/// splitmix64's output function: spreads nearby seeds over all 64 bits.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
