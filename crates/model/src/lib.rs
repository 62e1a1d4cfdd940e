//! lanyard-model
