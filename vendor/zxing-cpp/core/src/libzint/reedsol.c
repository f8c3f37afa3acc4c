#include "../../../zint/backend/reedsol.c"
