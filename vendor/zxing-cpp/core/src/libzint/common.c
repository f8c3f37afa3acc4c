#include "../../../zint/backend/common.c"
