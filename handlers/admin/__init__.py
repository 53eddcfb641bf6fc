"""Admin (/admin, admins only): one dialog whose menu opens the admin's commands, each in a module of its own."""
