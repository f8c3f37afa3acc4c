#include "../../../zint/backend/maxicode.c"
