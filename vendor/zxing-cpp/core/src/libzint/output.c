#include "../../../zint/backend/output.c"
