#compdef clientarea

_clientarea_completion() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _CLIENTAREA_COMPLETE=complete_zsh clientarea)
}

compdef _clientarea_completion clientarea
