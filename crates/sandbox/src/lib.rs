//! lanyard-sandbox
