#include "../../../zint/backend/library.c"
