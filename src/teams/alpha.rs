//! Krippendorff's alpha, the reliability coefficient content analysts report for coders'
//! agreement, and percent agreement, computed from a coincidence matrix as in Krippendorff,
//! "Computing Krippendorff's Alpha-Reliability" (2011).
//!
//! Missing values are simply absent from a unit's list: a unit coded by fewer than two coders
//! has nothing to pair and counts for nothing, as the method prescribes.

/// How far apart two values are taken to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Values are names: equal or different.
    Nominal,
    /// Values are ranks: the distance grows with how many values lie between them.
    Ordinal,
    /// Values are numbers on a scale with equal steps: the squared difference.
    Interval,
}

impl Metric {
    /// Every metric, in the order reports show them.
    pub const ALL: [Metric; 3] = [Metric::Nominal, Metric::Ordinal, Metric::Interval];

    /// The metric's name.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Nominal => "nominal",
            Metric::Ordinal => "ordinal",
            Metric::Interval => "interval",
        }
    }
}

/// The values the coders gave each unit and how they coincide.
#[derive(Debug, Clone)]
pub struct Coincidences {
    /// The distinct values, ascending.
    values: Vec<f64>,
    /// `o[c][k]`: how often value `c` was paired with value `k` within units.
    matrix: Vec<Vec<f64>>,
    /// How many units had values from at least two coders.
    pub units: usize,
}

impl Coincidences {
    /// The coincidence matrix of units, each given as the values its coders gave it.
    pub fn new(units: &[Vec<f64>]) -> Self {
        let mut values: Vec<f64> = units
            .iter()
            .filter(|u| u.len() >= 2)
            .flatten()
            .copied()
            .collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        let index = |v: f64| values.binary_search_by(|x| x.total_cmp(&v)).ok();
        let size = values.len();
        let mut matrix = vec![vec![0.0; size]; size];
        let mut pairable = 0;
        for unit in units.iter().filter(|u| u.len() >= 2) {
            pairable += 1;
            let mut counts = vec![0.0f64; size];
            for &v in unit {
                if let Some(slot) = index(v).and_then(|i| counts.get_mut(i)) {
                    *slot += 1.0;
                }
            }
            let weight = 1.0 / (unit.len() as f64 - 1.0);
            for (c, row) in matrix.iter_mut().enumerate() {
                let n_c = counts.get(c).copied().unwrap_or(0.0);
                if n_c == 0.0 {
                    continue;
                }
                for (k, cell) in row.iter_mut().enumerate() {
                    let n_k = counts.get(k).copied().unwrap_or(0.0);
                    let pairs = if c == k { n_c * (n_c - 1.0) } else { n_c * n_k };
                    *cell += pairs * weight;
                }
            }
        }
        Coincidences {
            values,
            matrix,
            units: pairable,
        }
    }

    /// How many values take part (those of units with at least two).
    pub fn pairable_values(&self) -> f64 {
        self.marginals().iter().sum()
    }

    fn marginals(&self) -> Vec<f64> {
        self.matrix.iter().map(|row| row.iter().sum()).collect()
    }

    /// The share of paired values that agree: for two coders, the share of units both coded
    /// alike. `None` when no unit has two values.
    pub fn percent_agreement(&self) -> Option<f64> {
        let n = self.pairable_values();
        if n == 0.0 {
            return None;
        }
        let agreeing: f64 = self
            .matrix
            .iter()
            .enumerate()
            .filter_map(|(c, row)| row.get(c))
            .sum();
        Some(100.0 * agreeing / n)
    }

    /// Krippendorff's alpha: 1 − observed / expected disagreement. `None` when it is not
    /// defined: no unit with two values, or only one value ever given (no variation to
    /// agree on).
    pub fn alpha(&self, metric: Metric) -> Option<f64> {
        let marginals = self.marginals();
        let n: f64 = marginals.iter().sum();
        if n < 2.0 {
            return None;
        }
        let distance = |c: usize, k: usize| -> f64 {
            match metric {
                Metric::Nominal => f64::from(u8::from(c != k)),
                Metric::Interval => {
                    let (a, b) = (
                        self.values.get(c).copied().unwrap_or(0.0),
                        self.values.get(k).copied().unwrap_or(0.0),
                    );
                    (a - b).powi(2)
                }
                Metric::Ordinal => {
                    let (low, high) = (c.min(k), c.max(k));
                    let between: f64 = marginals.get(low..=high).map_or(0.0, |m| m.iter().sum());
                    let ends = marginals.get(low).copied().unwrap_or(0.0)
                        + marginals.get(high).copied().unwrap_or(0.0);
                    (between - ends / 2.0).powi(2)
                }
            }
        };
        let mut observed = 0.0;
        let mut expected = 0.0;
        for (c, row) in self.matrix.iter().enumerate() {
            let n_c = marginals.get(c).copied().unwrap_or(0.0);
            for (k, o_ck) in row.iter().enumerate() {
                let n_k = marginals.get(k).copied().unwrap_or(0.0);
                let d = distance(c, k);
                observed += o_ck * d;
                expected += n_c * n_k * d;
            }
        }
        if expected == 0.0 {
            return None;
        }
        Some(1.0 - (n - 1.0) * observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reliability data as printed: one row per coder, `None` where a coder gave no value.
    fn units(rows: &[&[Option<f64>]]) -> Vec<Vec<f64>> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        (0..width)
            .map(|u| {
                rows.iter()
                    .filter_map(|row| row.get(u).copied().flatten())
                    .collect()
            })
            .collect()
    }

    fn round3(value: Option<f64>) -> f64 {
        (value.unwrap() * 1000.0).round() / 1000.0
    }

    /// Krippendorff (2011), section C: four observers, twelve units, values 1–5, with
    /// missing data; section E gives its alpha for the other metrics.
    #[test]
    fn reproduces_krippendorffs_example_with_four_observers_and_missing_data() {
        let (m, a, b, c, d, e) = (None, Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0));
        let data = units(&[
            &[a, b, c, c, b, a, d, a, b, m, m, m],
            &[a, b, c, c, b, b, d, a, b, e, m, c],
            &[m, c, c, c, b, c, d, b, b, e, a, m],
            &[a, b, c, c, b, d, d, a, b, e, a, m],
        ]);
        let coincidences = Coincidences::new(&data);
        assert_eq!(coincidences.units, 11, "the last unit has one value only");
        assert_eq!(coincidences.pairable_values(), 40.0);
        assert_eq!(round3(coincidences.alpha(Metric::Nominal)), 0.743);
        assert_eq!(round3(coincidences.alpha(Metric::Ordinal)), 0.815);
        assert_eq!(round3(coincidences.alpha(Metric::Interval)), 0.849);
    }

    /// Krippendorff (2011), section A: two observers, binary data, ten units.
    #[test]
    fn reproduces_krippendorffs_binary_example() {
        let (n, y) = (Some(0.0), Some(1.0));
        let data = units(&[
            &[n, y, n, n, n, n, n, n, y, n],
            &[y, y, y, n, n, y, n, n, n, n],
        ]);
        let coincidences = Coincidences::new(&data);
        assert_eq!(round3(coincidences.alpha(Metric::Nominal)), 0.095);
        assert_eq!(coincidences.percent_agreement(), Some(60.0));
    }

    #[test]
    fn perfect_agreement_is_one_and_no_variation_is_undefined() {
        let same = vec![vec![1.0, 1.0], vec![2.0, 2.0], vec![3.0, 3.0, 3.0]];
        for metric in Metric::ALL {
            assert_eq!(Coincidences::new(&same).alpha(metric), Some(1.0));
        }
        let one_value = vec![vec![1.0, 1.0], vec![1.0, 1.0]];
        assert_eq!(Coincidences::new(&one_value).alpha(Metric::Nominal), None);
        assert_eq!(
            Coincidences::new(&one_value).percent_agreement(),
            Some(100.0)
        );
        let unpaired = vec![vec![1.0], vec![2.0]];
        assert_eq!(Coincidences::new(&unpaired).alpha(Metric::Ordinal), None);
        assert_eq!(Coincidences::new(&unpaired).percent_agreement(), None);
        assert_eq!(Coincidences::new(&[]).units, 0);
    }
}
