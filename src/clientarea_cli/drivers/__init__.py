"""Provider drivers: each speaks one billing platform's API and returns shared models."""
