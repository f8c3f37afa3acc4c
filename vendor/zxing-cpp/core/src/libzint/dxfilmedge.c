#include "../../../zint/backend/dxfilmedge.c"
