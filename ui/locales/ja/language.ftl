## The language menu: a catalogue the shell keeps (every language but English) that could not
## be loaded. Part of the ja catalogue (the list is lanyard_model::catalogue_source!).

app-language-not-loaded = { $language }の言葉を読み込めなかったため、英語のまま表示します: { $cause }
