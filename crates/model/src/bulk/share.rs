//! A bulk run's share of the write rate: "use at most 50% of the write rate", so that other
//! tools drawing on the tenant's rate limit keep working while the run goes.

use serde::{Deserialize, Serialize};

/// How much of each write bucket a run may use, in percent (1–100): at most this share of the
/// bucket's burst, and of its refill rate. 100 is the whole bucket, as a run without a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct RateShare(u8);

impl RateShare {
    /// The whole bucket.
    pub const FULL: RateShare = RateShare(100);

    /// A share of `percent`, which must be 1–100.
    pub fn new(percent: u8) -> Result<Self, String> {
        if (1..=100).contains(&percent) {
            Ok(Self(percent))
        } else {
            Err(format!(
                "A run's share of the write rate is between 1% and 100%, not {percent}%"
            ))
        }
    }

    pub fn percent(self) -> u8 {
        self.0
    }

    pub fn is_full(&self) -> bool {
        self.0 == 100
    }

    /// For the run's header: "the full write rate", "at most 50% of the write rate".
    pub fn words(self) -> String {
        if self.is_full() {
            "the full write rate".to_owned()
        } else {
            format!("at most {}% of the write rate", self.0)
        }
    }
}

impl Default for RateShare {
    fn default() -> Self {
        Self::FULL
    }
}

impl TryFrom<u8> for RateShare {
    type Error = String;
    fn try_from(percent: u8) -> Result<Self, String> {
        Self::new(percent)
    }
}

impl From<RateShare> for u8 {
    fn from(share: RateShare) -> u8 {
        share.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn between_one_and_a_hundred_percent() {
        assert!(RateShare::new(0).is_err());
        assert!(RateShare::new(101).is_err());
        assert_eq!(
            RateShare::new(50).unwrap().words(),
            "at most 50% of the write rate"
        );
        assert_eq!(RateShare::default().words(), "the full write rate");
        assert_eq!(
            serde_json::to_string(&RateShare::new(25).unwrap()).unwrap(),
            "25"
        );
        assert!(serde_json::from_str::<RateShare>("0").is_err());
        assert!(serde_json::from_str::<RateShare>("300").is_err());
        assert_eq!(
            serde_json::from_str::<RateShare>("100").unwrap(),
            RateShare::FULL
        );
    }
}
