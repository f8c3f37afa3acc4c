#include "../../../zint/backend/gs1.c"
