"""What officials read: summary statistics and BPJS exports."""
