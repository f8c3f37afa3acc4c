#include "../../../zint/backend/zint.h"
