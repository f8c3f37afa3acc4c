#include "../../../zint/backend/telepen.c"
