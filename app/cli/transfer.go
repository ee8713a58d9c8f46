package cli

import "errors"

func runImport(args []string, env Env) error { return errors.New("not built yet") }
