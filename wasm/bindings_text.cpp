// Embind: the engine's message formatters (actlab/message_text.hpp), so that the JS API's own
// messages (wasm/api.mjs: type checks) write numbers and text exactly as the CLI does.
#include <emscripten/bind.h>

#include <string>

#include "actlab/message_text.hpp"

EMSCRIPTEN_BINDINGS(actlab_text) {
  emscripten::function("numberText", &actlab::number_text);
  emscripten::function("quotedText", &actlab::quoted_text);
}
