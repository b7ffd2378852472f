//! Evaluation against gold data (gnqa): the dataset's official metric.

pub mod gnqa;
