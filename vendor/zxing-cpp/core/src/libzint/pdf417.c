#include "../../../zint/backend/pdf417.c"
