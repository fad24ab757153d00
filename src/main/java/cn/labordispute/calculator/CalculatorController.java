package cn.labordispute.calculator;

import cn.labordispute.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/calculator: staff work out the amounts of a claim (the portal has its own page for parties). */
@RestController
class CalculatorController {

    private final Calculator calculator;

    CalculatorController(Calculator calculator) {
        this.calculator = calculator;
    }

    @PostMapping("/api/calculator")
    ClaimCalculator.Result calculate(@RequestBody(required = false) Calculator.Request request, Caller caller) {
        return calculator.calculate(request);
    }
}
