//! Helpers of the unit tests.

/// A seeded xorshift generator: `next(n)` is a number below `n`. The same sequence on every
/// run and machine, so that a failing random case can be reproduced.
pub(crate) fn draws(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}
