-- In a sub-folder: not part of module "alpha", so it must never run.
SELECT missing_function();
