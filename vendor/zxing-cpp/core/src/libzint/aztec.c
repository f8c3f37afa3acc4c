#include "../../../zint/backend/aztec.c"
