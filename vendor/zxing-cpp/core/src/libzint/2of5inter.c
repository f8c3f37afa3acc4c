#include "../../../zint/backend/2of5inter.c"
