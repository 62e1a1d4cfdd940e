## The language menu: a catalogue the shell keeps (every language but English) that could not
## be loaded. Part of the en catalogue (the list is lanyard_model::catalogue_source!).

app-language-not-loaded = The words of { $language } could not be loaded, so Lanyard stays in English: { $cause }
