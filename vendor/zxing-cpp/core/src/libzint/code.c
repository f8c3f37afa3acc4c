#include "../../../zint/backend/code.c"
