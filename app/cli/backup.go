package cli

import "errors"

func runBackup(args []string, env Env) error { return errors.New("not built yet") }

func runRestore(args []string, env Env) error { return errors.New("not built yet") }
