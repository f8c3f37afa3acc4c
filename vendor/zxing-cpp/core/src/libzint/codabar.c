#include "../../../zint/backend/codabar.c"
