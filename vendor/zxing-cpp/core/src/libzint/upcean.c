#include "../../../zint/backend/upcean.c"
