//! Our Krippendorff's alpha against the `krippendorff` Python package on random reliability
//! data: every metric, two to five coders, missing values.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::indexing_slicing)]

#[path = "common/needs.rs"]
mod needs;

use stancemap::teams::alpha::{Coincidences, Metric};
use std::process::Command;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Random reliability data: one row per coder, `None` for a missing value.
fn random_data(rng: &mut Rng) -> Vec<Vec<Option<f64>>> {
    let coders = 2 + rng.below(4) as usize;
    let units = 3 + rng.below(40) as usize;
    let values = 2 + rng.below(5);
    let missing = rng.below(40);
    (0..coders)
        .map(|_| {
            (0..units)
                .map(|_| (rng.below(100) >= missing).then(|| (1 + rng.below(values)) as f64))
                .collect()
        })
        .collect()
}

#[test]
#[ignore = "needs krippendorff (pip install krippendorff)"]
fn alpha_matches_the_krippendorff_python_package_on_random_data() {
    needs::python_module("krippendorff", "krippendorff");
    let mut rng = Rng(0x5eed_1234_abcd);
    let datasets: Vec<_> = (0..200).map(|_| random_data(&mut rng)).collect();
    let ours: Vec<Vec<Option<f64>>> = datasets
        .iter()
        .map(|rows| {
            let units: Vec<Vec<f64>> = (0..rows[0].len())
                .map(|u| rows.iter().filter_map(|r| r[u]).collect())
                .collect();
            let coincidences = Coincidences::new(&units);
            Metric::ALL.iter().map(|m| coincidences.alpha(*m)).collect()
        })
        .collect();

    let json = serde_json::to_string(&datasets).unwrap();
    let script = r#"
import json, sys, math
import numpy as np
import krippendorff
out = []
for rows in json.load(sys.stdin):
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    result = []
    for level in ["nominal", "ordinal", "interval"]:
        try:
            a = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
            result.append(None if math.isnan(a) else a)
        except ValueError:
            result.append(None)
    out.append(result)
print(json.dumps(out))
"#;
    let python = needs::program("python3", "python3");
    let mut child = Command::new(python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), json.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let theirs: Vec<Vec<Option<f64>>> = serde_json::from_slice(&output.stdout).unwrap();

    let mut compared = 0;
    for (i, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
        for (metric, (a, b)) in Metric::ALL.iter().zip(ours.iter().zip(theirs)) {
            match (a, b) {
                (Some(a), Some(b)) => {
                    assert!(
                        (a - b).abs() < 1e-9,
                        "dataset {i}, {}: ours {a}, krippendorff {b}\n{:?}",
                        metric.label(),
                        datasets[i]
                    );
                    compared += 1;
                }
                (None, None) => {}
                _ => panic!(
                    "dataset {i}, {}: ours {a:?}, krippendorff {b:?}\n{:?}",
                    metric.label(),
                    datasets[i]
                ),
            }
        }
    }
    assert!(compared > 500, "only {compared} values compared");
}
